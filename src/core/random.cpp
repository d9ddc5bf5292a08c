#include "core/random.h"
// Rng is header-only so its hot calls inline; this unit gives the core library a home for it.
