#include "cache.h"
void flush() { cache().clear(); }
