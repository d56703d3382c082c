// A cycle through three records lists its three edges, in order.
#include <memory>

struct Author;
struct Book;
struct Library {
  std::shared_ptr<Book> featured;  // CYCLE: Library::featured -> Book::author -> Author::library
};
struct Book {
  std::shared_ptr<Author> author;  // EDGE: Book::author
};
struct Author {
  std::shared_ptr<Library> library;  // EDGE: Author::library ; BACKREF: Author::library => std::weak_ptr<Library> library;
};
