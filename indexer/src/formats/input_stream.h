// The bytes of one input, decompressed on the fly: gzip (zlib) and zstd are
// recognised by their magic numbers, so a compressed file or a compressed
// standard input is read as a stream, never unpacked to disk.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <streambuf>

namespace attache::indexer {

enum class Compression { none, gzip, zstd };

class InputStream {
 public:
  // Opens a file, or standard input for "-". Throws attache::Error (io) when
  // the file cannot be opened.
  static std::unique_ptr<InputStream> open(const std::string& path);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  std::istream& stream() { return stream_; }
  Compression compression() const;
  // Raw (compressed) bytes read from the file since the last call: progress is
  // measured against the file's size on disk.
  uint64_t take_progress();
  // Why reading stopped early (a truncated or corrupt compressed stream, a read
  // error), or empty when the stream simply ended.
  const std::string& error() const;

  class Buffer;

 private:
  explicit InputStream(std::unique_ptr<Buffer> buffer);
  std::unique_ptr<Buffer> buffer_;
  std::istream stream_;
};

}  // namespace attache::indexer
