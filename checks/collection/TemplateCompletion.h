// Instantiates the class template specializations the program's fields name but this TU
// never needed complete (`std::vector<Holder<Shelf>>`, `std::shared_ptr<Pool<Worker>>`),
// so that their members are there to be read: the compiler would instantiate them in
// whichever TU uses them, and a cycle through them must not depend on which TU that is.
#pragma once

namespace clang {
class ASTContext;
class Sema;
} // namespace clang

namespace leakcheck {

// Completes the program-defined specializations reachable from program records' fields.
// Errors inside such an instantiation are swallowed (SFINAE): the TU itself compiled.
void completeNamedTemplates(clang::Sema &S, clang::ASTContext &Ctx);

} // namespace leakcheck
