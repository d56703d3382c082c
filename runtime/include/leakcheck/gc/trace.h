// Describing a type's reference fields: LEAKCHECK_TRACE, and the one generic walk over
// every kind of field that serves both traversal (CPython's tp_traverse) and clearing
// (tp_clear). Included by <leakcheck/gc.h>; nothing here needs to be called directly.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

// LEAKCHECK_TRACE(Type, field1, field2, ...)
//
// Write it once inside the class body (any access section): it names the fields that may
// hold references, and Type as written becomes the record name in reports and DOT
// ("Person", or "ns::Person" if written so). Private fields are fine: the macro defines a
// member function template that passes the fields, named unqualified, to a visitor, and
// hidden friend functions (found by argument-dependent lookup, immune to access sections)
// through which the collector reaches it.
//
//   class Person {
//    public:
//     LEAKCHECK_TRACE(Person, cars_, name_);   // name_ is not a reference: ignored
//    private:
//     std::vector<std::shared_ptr<Car>> cars_;
//     std::string name_;
//   };
//
// A class without its own LEAKCHECK_TRACE uses its base's (the fields it inherits, under
// the base's record name). A derived class with its own lists only the fields it names.
// A field left out is an unseen reference: safe, the collector only sees less.
// Limits: not in local classes (which cannot have member templates); the pointee types of
// traced fields must be complete where make_tracked/track is instantiated.
#define LEAKCHECK_TRACE(Type, ...)                                                        \
  template <class LeakcheckVisit>                                                         \
  void leakcheck_gc_fields_(LeakcheckVisit&& leakcheck_visit) {                           \
    leakcheck_visit(__VA_ARGS__);                                                         \
  }                                                                                       \
  friend constexpr const char* leakcheck_gc_record_name(const Type*) noexcept {           \
    return #Type;                                                                         \
  }                                                                                       \
  friend constexpr const char* leakcheck_gc_field_list(const Type*) noexcept {            \
    return #__VA_ARGS__;                                                                  \
  }                                                                                       \
  template <class LeakcheckVisit>                                                         \
  friend void leakcheck_gc_trace(Type& leakcheck_self, LeakcheckVisit&& leakcheck_visit) { \
    leakcheck_self.leakcheck_gc_fields_(leakcheck_visit);                                 \
  }                                                                                       \
  static_assert(true, "LEAKCHECK_TRACE is used as a declaration: end it with ';'")

namespace leakcheck::gc::detail {

// ---------------------------------------------------------------------------------------
// What a traversal reports.

// Function table for one std::shared_ptr<U>, so the collector can compare control blocks
// and copy the pointer without knowing U (and without ever creating a temporary copy
// while it counts references).
struct EdgeOps {
  // Like owner_before, as -1 / 0 / +1: 0 means "same control block as `other`".
  int (*compare_owner)(const void* holder, const std::shared_ptr<const void>& other) noexcept;
  std::shared_ptr<const void> (*copy)(const void* holder) noexcept;
};

// A non-empty shared_ptr found in a traced field.
struct StrongRef {
  const void* address;  // the target's most-derived address (how the registry keys it)
  const void* holder;   // the std::shared_ptr<U> object itself
  const EdgeOps* ops;

  int compare_owner(const std::shared_ptr<const void>& other) const noexcept {
    return ops->compare_owner(holder, other);
  }
  std::shared_ptr<const void> copy() const noexcept { return ops->copy(holder); }
};

class Visitor {
 public:
  // `field` is the member of the tracked object the reference sits in (for a reference
  // inside a container or a nested traced value, the outermost member).
  virtual void strong(const StrongRef& ref, const char* field) = 0;
  // Weak references never own; only drawings want them.
  virtual bool wants_weak() const { return false; }
  virtual void weak(const std::weak_ptr<const void>& target, const char* field) {
    (void)target;
    (void)field;
  }

 protected:
  ~Visitor() = default;
};

// Where clearing puts what it takes out of garbage objects, so that no destructor runs
// while the collector holds its locks: the collector releases the graveyard afterwards.
class Graveyard {
 public:
  template <class U>
  void bury(std::shared_ptr<U>&& p) {
    refs_.emplace_back(std::move(p));  // a move: no reference count changes
  }
  template <class V>
  void bury_value(V&& value) {
    values_.push_back(std::make_unique<Buried<std::decay_t<V>>>(std::forward<V>(value)));
  }
  bool empty() const noexcept { return refs_.empty() && values_.empty(); }
  void release() noexcept {
    refs_.clear();
    values_.clear();
  }

 private:
  struct Body {
    virtual ~Body() = default;
  };
  template <class V>
  struct Buried final : Body {
    explicit Buried(V&& v) : value(std::move(v)) {}
    V value;
  };
  std::vector<std::shared_ptr<const void>> refs_;
  std::vector<std::unique_ptr<Body>> values_;
};

// ---------------------------------------------------------------------------------------
// Recognising field kinds.

// The fallback that ADL-found hidden friends beat; chosen only for untraced types.
void leakcheck_gc_record_name(...) = delete;
void leakcheck_gc_field_list(...) = delete;

template <class T, class = void>
struct is_traced : std::false_type {};
template <class T>
struct is_traced<T, std::void_t<decltype(leakcheck_gc_record_name(static_cast<const T*>(nullptr)))>>
    : std::true_type {};

template <class T> struct is_shared_ptr : std::false_type {};
template <class U> struct is_shared_ptr<std::shared_ptr<U>> : std::true_type {};
template <class T> struct is_weak_ptr : std::false_type {};
template <class U> struct is_weak_ptr<std::weak_ptr<U>> : std::true_type {};
template <class T> struct is_unique_ptr : std::false_type {};
template <class U, class D> struct is_unique_ptr<std::unique_ptr<U, D>> : std::bool_constant<!std::is_array_v<U>> {};
template <class T> struct is_optional : std::false_type {};
template <class U> struct is_optional<std::optional<U>> : std::true_type {};
template <class T> struct is_variant : std::false_type {};
template <class... U> struct is_variant<std::variant<U...>> : std::true_type {};
template <class T> struct is_tuple_like : std::false_type {};
template <class A, class B> struct is_tuple_like<std::pair<A, B>> : std::true_type {};
template <class... U> struct is_tuple_like<std::tuple<U...>> : std::true_type {};

template <class T, class = void>
struct is_range : std::false_type {};
template <class T>
struct is_range<T, std::void_t<decltype(std::begin(std::declval<T&>())), decltype(std::end(std::declval<T&>()))>>
    : std::true_type {};
template <class T>
using range_element_t = std::remove_cv_t<std::remove_reference_t<decltype(*std::begin(std::declval<T&>()))>>;

// stack, queue, priority_queue: no iterators, a protected container `c`.
template <class T, class = void>
struct is_adapter : std::false_type {};
template <class T>
struct is_adapter<T, std::void_t<typename T::container_type>> : std::bool_constant<!is_range<T>::value> {};

template <class T, class = void>
struct has_clear : std::false_type {};
template <class T>
struct has_clear<T, std::void_t<decltype(std::declval<T&>().clear())>> : std::true_type {};

template <class Adapter>
typename Adapter::container_type& underlying(Adapter& a) {
  struct Peek : Adapter {
    static typename Adapter::container_type& get(Adapter& x) { return x.*(&Peek::c); }
  };
  return Peek::get(a);
}

// Can a value of T (transitively) hold a shared_ptr or weak_ptr? Lets traversal skip
// strings and other plain data without iterating them. A traced type is assumed to (it
// was traced for a reason), which also stops the recursion for self-referential types.
template <class T, class = void>
struct holds_references;
template <class T>
inline constexpr bool holds_references_v = holds_references<std::remove_cv_t<T>>::value;
template <class T, class>
struct holds_references {
  static constexpr bool compute() {
    if constexpr (is_traced<T>::value || is_shared_ptr<T>::value || is_weak_ptr<T>::value) {
      return true;
    } else if constexpr (is_unique_ptr<T>::value) {
      return holds_references_v<typename T::element_type>;
    } else if constexpr (is_optional<T>::value) {
      return holds_references_v<typename T::value_type>;
    } else if constexpr (is_variant<T>::value || is_tuple_like<T>::value) {
      return any_alternative(static_cast<T*>(nullptr));
    } else if constexpr (is_adapter<T>::value) {
      return holds_references_v<typename T::container_type>;
    } else if constexpr (is_range<T>::value) {
      return holds_references_v<range_element_t<T>>;
    } else {
      return false;
    }
  }
  template <template <class...> class Tpl, class... U>
  static constexpr bool any_alternative(Tpl<U...>*) {
    return (holds_references_v<U> || ...);
  }
  static constexpr bool value = compute();
};

// Most-derived address: the identity under which the registry knows an object.
template <class U>
const void* most_derived(U* p) noexcept {
  if constexpr (std::is_polymorphic_v<U>) {
    return dynamic_cast<const void*>(p);
  } else {
    return static_cast<const void*>(p);
  }
}

template <class U>
struct EdgeOpsFor {
  static int compare_owner(const void* holder, const std::shared_ptr<const void>& other) noexcept {
    const auto& p = *static_cast<const std::shared_ptr<U>*>(holder);
    if (p.owner_before(other)) return -1;
    if (other.owner_before(p)) return 1;
    return 0;
  }
  static std::shared_ptr<const void> copy(const void* holder) noexcept {
    return *static_cast<const std::shared_ptr<U>*>(holder);
  }
  static constexpr EdgeOps ops{&compare_owner, &copy};
};

// ---------------------------------------------------------------------------------------
// Field names, parsed once per traced type from the stringised field list.

class FieldNames {
 public:
  explicit FieldNames(const char* list);
  const char* operator[](std::size_t i) const noexcept {
    return i < names_.size() ? names_[i].c_str() : "?";
  }

 private:
  std::vector<std::string> names_;
};

// Never destroyed: the report written at exit still traverses objects.
template <class T>
const FieldNames& field_names_of() {
  static const FieldNames* const names =
      new FieldNames(leakcheck_gc_field_list(static_cast<const T*>(nullptr)));
  return *names;
}

// ---------------------------------------------------------------------------------------
// Traversal: report every reference inside `value` to the visitor.

template <class T>
void traverse_fields(T& object, Visitor& v, const char* outer_field);

template <class T>
void traverse_value(const T& value, Visitor& v, const char* field) {
  if constexpr (is_traced<T>::value) {
    traverse_fields(const_cast<T&>(value), v, field);
  } else if constexpr (is_shared_ptr<T>::value) {
    if (value) {
      using U = typename T::element_type;
      v.strong(StrongRef{most_derived(value.get()), &value, &EdgeOpsFor<U>::ops}, field);
    }
  } else if constexpr (is_weak_ptr<T>::value) {
    if (v.wants_weak()) v.weak(std::weak_ptr<const void>(value), field);
  } else if constexpr (!holds_references_v<T>) {
    // plain data
  } else if constexpr (is_unique_ptr<T>::value || is_optional<T>::value) {
    if (value) traverse_value(*value, v, field);
  } else if constexpr (is_variant<T>::value) {
    if (!value.valueless_by_exception()) {
      std::visit([&](const auto& alternative) { traverse_value(alternative, v, field); }, value);
    }
  } else if constexpr (is_tuple_like<T>::value) {
    std::apply([&](const auto&... element) { (traverse_value(element, v, field), ...); }, value);
  } else if constexpr (is_adapter<T>::value) {
    traverse_value(underlying(const_cast<T&>(value)), v, field);
  } else if constexpr (is_range<T>::value) {
    for (const auto& element : value) traverse_value(element, v, field);
  }
}

// `outer_field` is null for a tracked object itself; for a traced value nested inside one
// it is the tracked object's member that contains it (the name reports use).
template <class T>
void traverse_fields(T& object, Visitor& v, const char* outer_field) {
  const FieldNames& names = field_names_of<T>();
  std::size_t index = 0;
  leakcheck_gc_trace(object, [&](const auto&... fields) {
    ((traverse_value(fields, v, outer_field ? outer_field : names[index]), ++index), ...);
  });
}

// ---------------------------------------------------------------------------------------
// Clearing (tp_clear): leave every reference-holding field of a garbage object empty, so
// that its destructor, run later, finds null pointers, empty containers and disengaged
// optionals (never dangling ones). What is taken out goes to the graveyard. Fields that
// cannot be emptied in place (std::array, C arrays, pair, tuple, variant, nested traced
// values) are cleared element by element; const fields cannot be cleared at all.

template <class T>
void clear_fields(T& object, Graveyard& g);

template <class T>
void clear_value(T& value, Graveyard& g) {
  if constexpr (std::is_const_v<T>) {
    // cannot be cleared: a cycle through it is uncollectable
  } else if constexpr (is_traced<T>::value) {
    clear_fields(value, g);
  } else if constexpr (is_shared_ptr<T>::value) {
    if (value) g.bury(std::move(value));
  } else if constexpr (is_weak_ptr<T>::value || !holds_references_v<T>) {
    // owns nothing
  } else if constexpr (is_unique_ptr<T>::value) {
    if (value) g.bury_value(std::move(value));
  } else if constexpr (is_optional<T>::value) {
    if (value) {
      g.bury_value(std::move(*value));
      value.reset();
    }
  } else if constexpr (is_variant<T>::value) {
    if (!value.valueless_by_exception()) {
      std::visit([&](auto& alternative) { clear_value(alternative, g); }, value);
    }
  } else if constexpr (is_tuple_like<T>::value) {
    std::apply([&](auto&... element) { (clear_value(element, g), ...); }, value);
  } else if constexpr (is_adapter<T>::value) {
    clear_value(underlying(value), g);
  } else if constexpr (is_range<T>::value && has_clear<T>::value) {
    if (std::begin(value) != std::end(value)) {
      g.bury_value(std::move(value));
      value.clear();  // a moved-from container is valid but unspecified
    }
  } else if constexpr (is_range<T>::value) {
    for (auto& element : value) clear_value(element, g);
  }
}

template <class T>
void clear_fields(T& object, Graveyard& g) {
  leakcheck_gc_trace(object, [&](auto&... fields) { (clear_value(fields, g), ...); });
}

}  // namespace leakcheck::gc::detail
