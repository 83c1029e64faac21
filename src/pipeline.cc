// The one place where the stages meet (design.md §1). Filled in below.
