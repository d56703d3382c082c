#include "registry.h"
int main() {
  submit(1, "a");
  finish(1);
}
