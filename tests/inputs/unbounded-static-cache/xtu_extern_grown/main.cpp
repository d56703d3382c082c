#include "events.h"
void audit::log(const std::string &e) { g_events.push_back(e); }
int main() { audit::log("start"); }
