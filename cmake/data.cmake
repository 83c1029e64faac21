# Data the build derives from packages: the part-of-speech lexicon from the
# npm package en-lexicon (MIT), installed under tools/npm by scripts/install-deps.
set(DYAD_NPM_DIR ${PROJECT_SOURCE_DIR}/tools/npm/node_modules)
set(DYAD_DATA_BUILD_DIR ${PROJECT_BINARY_DIR}/data)
find_program(NODE_EXECUTABLE node REQUIRED)

add_custom_command(
  OUTPUT ${DYAD_DATA_BUILD_DIR}/en-lexicon.tsv
  COMMAND ${CMAKE_COMMAND} -E make_directory ${DYAD_DATA_BUILD_DIR}
  COMMAND ${NODE_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/convert_lexicon.js
          ${DYAD_NPM_DIR}/en-lexicon ${DYAD_DATA_BUILD_DIR}/en-lexicon.tsv
  DEPENDS ${PROJECT_SOURCE_DIR}/tools/convert_lexicon.js
          ${DYAD_NPM_DIR}/en-lexicon/package.json
  COMMENT "Converting the en-lexicon POS lexicon"
  VERBATIM)
add_custom_target(dyad_data ALL DEPENDS ${DYAD_DATA_BUILD_DIR}/en-lexicon.tsv)
