// Fixes keep aliases readable: an alias of the pointer becomes the weak_ptr it names (its
// pointee qualified when the alias lives in another namespace), an alias of a container is
// expanded, an initializer a weak_ptr does not take is dropped.
#include <memory>
#include <vector>

namespace crm {
struct Customer;
struct Invoice;
struct Account;
using CustomerRef = std::shared_ptr<Customer>;
typedef std::shared_ptr<Account> AccountPtr;
typedef std::vector<AccountPtr> AccountList;
template <class T> using Ref = std::shared_ptr<T>;
}  // namespace crm

struct Order {
  crm::CustomerRef customer;  // CYCLE: Order::customer -> crm::Customer::orders ; BACKREF: Order::customer => std::weak_ptr<crm::Customer> customer;
};
struct Line {
  crm::Ref<crm::Invoice> invoice = nullptr;  // CYCLE: Line::invoice -> crm::Invoice::lines ; BACKREF: Line::invoice => std::weak_ptr<crm::Invoice> invoice;
};
namespace crm {
struct Customer {
  std::vector<std::shared_ptr<Order>> orders;  // EDGE: crm::Customer::orders
};
struct Invoice {
  std::vector<std::shared_ptr<Line>> lines;  // EDGE: crm::Invoice::lines
};
struct Account {
  std::vector<std::shared_ptr<struct Bank>> banks;  // CYCLE: crm::Account::banks -> crm::Bank::accounts
};
struct Bank {
  AccountList accounts;  // EDGE: crm::Bank::accounts ; BACKREF: crm::Bank::accounts => std::vector<std::weak_ptr<Account>> accounts;
};
}  // namespace crm
