// The storage module's one seam to the operating system's file calls (as
// LevelDB's Env): every open, write, fsync, close, rename, removal, map and
// lock of an index goes through here, so a test can make any one of them fail.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <functional>

namespace attache::storage::io {

enum class Call { open, write, fsync, close, rename, remove, mkdir, map, lock };
const char* to_string(Call call);

// Asked before every call with what it is and the file it touches: a non-zero
// errno makes the call fail with it, as if the system had refused it. For
// tests (fault injection); none is installed otherwise. Install it while no
// storage call is in flight.
using FaultHook = std::function<int(Call, const std::filesystem::path&)>;
void set_fault_hook(FaultHook hook);

// The POSIX calls, each failing as the system call would (-1 and errno).
int open(const std::filesystem::path& path, int flags, mode_t mode = 0);
// Writes all of [data, data + size), retrying short writes and EINTR.
int write_all(int fd, const void* data, size_t size, const std::filesystem::path& path);
int pwrite_all(int fd, const void* data, size_t size, off_t offset, const std::filesystem::path& path);
int fsync(int fd, const std::filesystem::path& path);
int ftruncate(int fd, off_t size, const std::filesystem::path& path);
int close(int fd, const std::filesystem::path& path);
int rename(const std::filesystem::path& from, const std::filesystem::path& to);
// std::filesystem::remove; false (errno set) when the file exists and stays.
bool remove(const std::filesystem::path& path);
bool create_directories(const std::filesystem::path& path);
// A read-only shared map of the whole file; nullptr (errno set) on failure.
void* map(int fd, size_t size, const std::filesystem::path& path);
int flock(int fd, int operation, const std::filesystem::path& path);

}  // namespace attache::storage::io
