#include "model/temporary_file.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

#include <unistd.h>

namespace msout::model {
namespace {

// A slot of the table the signal handler reads. The handler may run at any instant, on any
// thread: it reads only lock-free atomics and the path of an armed slot, which is written
// before the slot is armed and not changed while armed.
enum SlotState : int { kFree, kBusy, kArmed };

struct Slot {
  std::atomic<int> state{kFree};
  char path[TemporaryFile::kMaxPathBytes + 1] = {};
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

std::array<Slot, TemporaryFile::kMaxLive> g_slots;

constexpr std::array<int, 3> kCleanedSignals = {SIGINT, SIGTERM, SIGHUP};

// What each signal did before our handler was installed; written (under g_install_mutex)
// before the handler is installed for that signal, read by the handler.
std::array<struct sigaction, kCleanedSignals.size()> g_previous{};
std::mutex g_install_mutex;

std::size_t signal_slot(int signal_number) {
  for (std::size_t i = 0; i < kCleanedSignals.size(); ++i) {
    if (kCleanedSignals[i] == signal_number) return i;
  }
  return 0;
}

extern "C" void remove_temporary_files(int signal_number, siginfo_t* info, void* context) {
  const int saved_errno = errno;
  for (Slot& slot : g_slots) {
    if (slot.state.load(std::memory_order_acquire) == kArmed) ::unlink(slot.path);
  }
  // Pass the signal on to what was there before: by default the process then ends by it,
  // as if no handler had been installed.
  const struct sigaction& previous = g_previous[signal_slot(signal_number)];
  ::sigaction(signal_number, &previous, nullptr);
  errno = saved_errno;
  if ((previous.sa_flags & SA_SIGINFO) != 0) {
    previous.sa_sigaction(signal_number, info, context);
  } else if (previous.sa_handler == SIG_DFL) {
    ::raise(signal_number);
  } else if (previous.sa_handler != SIG_IGN) {
    previous.sa_handler(signal_number);
  }
}

bool is_ours(const struct sigaction& action) {
  return (action.sa_flags & SA_SIGINFO) != 0 && action.sa_sigaction == remove_temporary_files;
}

// Installs the handler for each signal not already handled by it, unless the signal is
// ignored (e.g. SIGHUP under nohup). Checked for every file, since a test framework or a
// library may install handlers of its own later.
void install_handlers() {
  std::lock_guard lock(g_install_mutex);
  for (std::size_t i = 0; i < kCleanedSignals.size(); ++i) {
    struct sigaction current {};
    if (::sigaction(kCleanedSignals[i], nullptr, &current) != 0) continue;
    if (is_ours(current)) continue;
    if ((current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == SIG_IGN) continue;
    g_previous[i] = current;
    struct sigaction action {};
    action.sa_sigaction = remove_temporary_files;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    for (int other : kCleanedSignals) sigaddset(&action.sa_mask, other);
    ::sigaction(kCleanedSignals[i], &action, nullptr);
  }
}

int claim_slot(const std::string& path) {
  if (path.size() > TemporaryFile::kMaxPathBytes) return -1;
  for (std::size_t i = 0; i < g_slots.size(); ++i) {
    int expected = kFree;
    if (g_slots[i].state.compare_exchange_strong(expected, kBusy, std::memory_order_acq_rel)) {
      std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
      g_slots[i].state.store(kArmed, std::memory_order_release);
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace

TemporaryFile::TemporaryFile(std::string path) : path_(std::move(path)) {
  install_handlers();
  slot_ = claim_slot(path_);
}

TemporaryFile::~TemporaryFile() {
  if (!kept_) ::unlink(path_.c_str());
  release_slot();
}

void TemporaryFile::keep() {
  kept_ = true;
  release_slot();
}

void TemporaryFile::release_slot() {
  if (slot_ < 0) return;
  g_slots[static_cast<std::size_t>(slot_)].state.store(kFree, std::memory_order_release);
  slot_ = -1;
}

}  // namespace msout::model
