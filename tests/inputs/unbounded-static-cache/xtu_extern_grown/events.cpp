// Defined here, grown in main.cpp, never shrunk: one finding, at the definition.
#include "events.h"
namespace audit {
std::vector<std::string> g_events;  // CACHE: audit::g_events
}
