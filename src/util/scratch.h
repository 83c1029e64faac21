// Per-thread scratch for per-sentence work.
#ifndef DYAD_UTIL_SCRATCH_H_
#define DYAD_UTIL_SCRATCH_H_

namespace dyad::util {

// One T per thread, kept for the life of the thread: a stage's lists are
// reused from sentence to sentence instead of being allocated and freed
// for each (the stages are const and run on several workers at once, so
// the scratch cannot be a member). The caller must not be re-entered on
// the same thread while it uses the scratch.
template <typename T>
T& ThreadScratch() {
  thread_local T scratch;
  return scratch;
}

}  // namespace dyad::util

#endif  // DYAD_UTIL_SCRATCH_H_
