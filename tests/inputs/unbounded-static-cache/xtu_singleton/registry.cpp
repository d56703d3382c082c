// The static instance is here; the member grows through a member function in another file.
#include "registry.h"
Registry &Registry::get() {
  static Registry instance;
  return instance;
}
