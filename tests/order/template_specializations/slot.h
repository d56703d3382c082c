// A class template whose specializations differ: each TU instantiates other ones, and one
// explicit specialization holds a weak pointer.
#pragma once
#include <memory>
template <class T> struct Slot {
  std::shared_ptr<T> item;
};
struct Wheel;
template <> struct Slot<Wheel> {
  std::weak_ptr<Wheel> item;
};
