// Decompressing stream buffer over a file descriptor: zlib's inflate (gzip,
// concatenated members included) and zstd's streaming decoder.
#include "formats/input_stream.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "attache/storage/error.h"

namespace attache::indexer {

class InputStream::Buffer : public std::streambuf {
 public:
  Buffer(int fd, bool owns) : fd_(fd), owns_(owns), raw_(kChunk), out_(kChunk) {}
  ~Buffer() override {
    if (compression_ == Compression::gzip) inflateEnd(&zlib_);
    if (zstd_) ZSTD_freeDStream(zstd_);
    if (owns_) ::close(fd_);
  }

  // Reads the first bytes and chooses the decoder by their magic number.
  void start() {
    fill_raw();
    const auto* b = reinterpret_cast<const unsigned char*>(raw_.data());
    size_t n = raw_end_;
    if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
      compression_ = Compression::gzip;
      if (inflateInit2(&zlib_, 16 + MAX_WBITS) != Z_OK) throw Error(ErrorKind::io, "zlib: out of memory");
    } else if (n >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
      compression_ = Compression::zstd;
      zstd_ = ZSTD_createDStream();
      if (!zstd_) throw Error(ErrorKind::io, "zstd: out of memory");
    }
  }

  Compression compression() const { return compression_; }
  uint64_t take_progress() { return std::exchange(raw_unreported_, 0); }
  const std::string& error() const { return error_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    size_t n = 0;
    while (n == 0 && error_.empty()) {
      if (compression_ == Compression::none) {
        if (raw_pos_ == raw_end_ && !fill_raw()) break;
        // Hand the raw chunk over as it is.
        std::memcpy(out_.data(), raw_.data() + raw_pos_, raw_end_ - raw_pos_);
        n = raw_end_ - raw_pos_;
        raw_pos_ = raw_end_;
      } else {
        bool more = raw_pos_ < raw_end_ || fill_raw();
        if (!more) {
          if (frame_open_) error_ = "the compressed stream is truncated";
          break;
        }
        n = compression_ == Compression::gzip ? inflate_some() : zstd_some();
      }
    }
    if (n == 0) return traits_type::eof();
    setg(out_.data(), out_.data(), out_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr size_t kChunk = 1 << 16;

  bool fill_raw() {
    raw_pos_ = raw_end_ = 0;
    ssize_t got;
    do {
      got = ::read(fd_, raw_.data(), raw_.size());
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      error_ = std::strerror(errno);
      return false;
    }
    raw_end_ = static_cast<size_t>(got);
    raw_unreported_ += raw_end_;
    return got > 0;
  }

  size_t inflate_some() {
    zlib_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
    zlib_.avail_in = static_cast<uInt>(raw_end_ - raw_pos_);
    zlib_.next_out = reinterpret_cast<Bytef*>(out_.data());
    zlib_.avail_out = static_cast<uInt>(out_.size());
    int rc = inflate(&zlib_, Z_NO_FLUSH);
    raw_pos_ = raw_end_ - zlib_.avail_in;
    size_t produced = out_.size() - zlib_.avail_out;
    frame_open_ = rc != Z_STREAM_END;
    if (rc == Z_STREAM_END) {
      inflateReset(&zlib_);  // another gzip member may follow (cat a.gz b.gz)
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error_ = std::string("gzip: ") + (zlib_.msg ? zlib_.msg : "corrupt data");
    }
    return produced;
  }

  size_t zstd_some() {
    ZSTD_inBuffer in{raw_.data(), raw_end_, raw_pos_};
    ZSTD_outBuffer out{out_.data(), out_.size(), 0};
    size_t rc = ZSTD_decompressStream(zstd_, &out, &in);
    raw_pos_ = in.pos;
    if (ZSTD_isError(rc)) error_ = std::string("zstd: ") + ZSTD_getErrorName(rc);
    frame_open_ = rc != 0;
    return out.pos;
  }

  int fd_;
  bool owns_;
  std::vector<char> raw_, out_;
  size_t raw_pos_ = 0, raw_end_ = 0;
  uint64_t raw_unreported_ = 0;
  Compression compression_ = Compression::none;
  z_stream zlib_{};
  ZSTD_DStream* zstd_ = nullptr;
  bool frame_open_ = false;
  std::string error_;
};

std::unique_ptr<InputStream> InputStream::open(const std::string& path) {
  int fd = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorKind::io, path + ": " + std::strerror(errno));
  }
  auto buffer = std::make_unique<Buffer>(fd, path != "-");
  buffer->start();
  return std::unique_ptr<InputStream>(new InputStream(std::move(buffer)));
}

InputStream::InputStream(std::unique_ptr<Buffer> buffer) : buffer_(std::move(buffer)), stream_(buffer_.get()) {}
InputStream::~InputStream() = default;
Compression InputStream::compression() const { return buffer_->compression(); }
uint64_t InputStream::take_progress() { return buffer_->take_progress(); }
const std::string& InputStream::error() const { return buffer_->error(); }

}  // namespace attache::indexer
