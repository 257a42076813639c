// The I/O seam: each call asks the fault hook, then makes the system call.
#include "io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace attache::storage::io {
namespace {

FaultHook& hook() {
  static FaultHook installed;
  return installed;
}

// True (errno set) when the hook asks this call to fail.
bool injected(Call call, const std::filesystem::path& path) {
  const FaultHook& h = hook();
  if (!h) return false;
  int error = h(call, path);
  if (error == 0) return false;
  errno = error;
  return true;
}

}  // namespace

const char* to_string(Call call) {
  switch (call) {
    case Call::open: return "open";
    case Call::write: return "write";
    case Call::fsync: return "fsync";
    case Call::close: return "close";
    case Call::rename: return "rename";
    case Call::remove: return "remove";
    case Call::mkdir: return "mkdir";
    case Call::map: return "map";
    case Call::lock: return "lock";
  }
  return "?";
}

void set_fault_hook(FaultHook h) { hook() = std::move(h); }

int open(const std::filesystem::path& path, int flags, mode_t mode) {
  if (injected(Call::open, path)) return -1;
  return ::open(path.c_str(), flags, mode);
}

int write_all(int fd, const void* data, size_t size, const std::filesystem::path& path) {
  if (injected(Call::write, path)) return -1;
  auto p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += n;
    size -= static_cast<size_t>(n);
  }
  return 0;
}

int pwrite_all(int fd, const void* data, size_t size, off_t offset, const std::filesystem::path& path) {
  if (injected(Call::write, path)) return -1;
  auto p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::pwrite(fd, p, size, offset);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += n;
    offset += n;
    size -= static_cast<size_t>(n);
  }
  return 0;
}

int fsync(int fd, const std::filesystem::path& path) {
  if (injected(Call::fsync, path)) return -1;
  return ::fsync(fd);
}

int ftruncate(int fd, off_t size, const std::filesystem::path& path) {
  if (injected(Call::write, path)) return -1;
  return ::ftruncate(fd, size);
}

int close(int fd, const std::filesystem::path& path) {
  if (injected(Call::close, path)) {
    int error = errno;
    ::close(fd);  // the descriptor is gone whatever close reports
    errno = error;
    return -1;
  }
  return ::close(fd);
}

int rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (injected(Call::rename, to)) return -1;
  return std::rename(from.c_str(), to.c_str());
}

bool remove(const std::filesystem::path& path) {
  if (injected(Call::remove, path)) return false;
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (ec) errno = ec.value();
  return !ec;
}

bool create_directories(const std::filesystem::path& path) {
  if (injected(Call::mkdir, path)) return false;
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) errno = ec.value();
  return !ec;
}

void* map(int fd, size_t size, const std::filesystem::path& path) {
  if (injected(Call::map, path)) return nullptr;
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  return p == MAP_FAILED ? nullptr : p;
}

int flock(int fd, int operation, const std::filesystem::path& path) {
  if (injected(Call::lock, path)) return -1;
  return ::flock(fd, operation);
}

}  // namespace attache::storage::io
