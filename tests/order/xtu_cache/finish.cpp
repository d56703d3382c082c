#include "registry.h"
void finish(int id) { g_pending.erase(id); }
