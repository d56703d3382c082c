#include "engine.h"
Engine *makeEngine() { return new Engine(); }
