#include "text/input.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace dyad::text {
namespace {

constexpr size_t kChunkSize = 64 * 1024;

// A file or standard input, with the first bytes (read to look at the magic
// number) handed out again before the rest.
class FileSource : public ByteSource {
 public:
  FileSource(FILE* file, bool owned, std::string prefix)
      : file_(file), owned_(owned), prefix_(std::move(prefix)) {}
  ~FileSource() override {
    if (owned_) std::fclose(file_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  size_t Read(char* buffer, size_t size) override {
    if (prefix_position_ < prefix_.size()) {
      const size_t n = std::min(size, prefix_.size() - prefix_position_);
      std::memcpy(buffer, prefix_.data() + prefix_position_, n);
      prefix_position_ += n;
      return n;
    }
    const size_t n = std::fread(buffer, 1, size, file_);
    if (n == 0 && std::ferror(file_)) {
      throw ReadError(std::strerror(errno));
    }
    return n;
  }

 private:
  FILE* file_;
  bool owned_;
  std::string prefix_;
  size_t prefix_position_ = 0;
};

// gzip (and zlib) decompression; concatenated gzip members are read in turn.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), input_(kChunkSize) {
    // 15 + 32: the largest window, with automatic gzip/zlib header detection.
    if (inflateInit2(&stream_, 15 + 32) != Z_OK) {
      throw ReadError("cannot initialise zlib");
    }
  }
  ~GzipSource() override { inflateEnd(&stream_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  size_t Read(char* buffer, size_t size) override {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(size);
    while (stream_.avail_out == size) {
      if (stream_.avail_in == 0) {
        if (!raw_at_end_) {
          const size_t n = raw_->Read(input_.data(), input_.size());
          if (n == 0) {
            raw_at_end_ = true;
          } else {
            stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
            stream_.avail_in = static_cast<uInt>(n);
          }
        }
        if (stream_.avail_in == 0) {
          if (!member_ended_) throw ReadError("unexpected end of gzip data");
          break;
        }
      }
      if (member_ended_) {
        inflateReset(&stream_);
        member_ended_ = false;
      }
      const int result = inflate(&stream_, Z_NO_FLUSH);
      if (result == Z_STREAM_END) {
        member_ended_ = true;
      } else if (result != Z_OK) {
        throw ReadError(stream_.msg != nullptr ? stream_.msg : "corrupt gzip data");
      }
    }
    return size - stream_.avail_out;
  }

 private:
  std::unique_ptr<ByteSource> raw_;
  std::vector<char> input_;
  z_stream stream_{};
  bool raw_at_end_ = false;
  bool member_ended_ = false;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), input_(ZSTD_DStreamInSize()),
        stream_(ZSTD_createDStream()) {
    if (stream_ == nullptr) throw ReadError("cannot initialise zstd");
    ZSTD_initDStream(stream_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  size_t Read(char* buffer, size_t size) override {
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        const size_t n = raw_->Read(input_.data(), input_.size());
        in_ = ZSTD_inBuffer{input_.data(), n, 0};
        if (n == 0) {
          // A nonzero hint means the last frame is incomplete.
          if (last_hint_ != 0) throw ReadError("unexpected end of zstd data");
          break;
        }
      }
      const size_t hint = ZSTD_decompressStream(stream_, &out, &in_);
      if (ZSTD_isError(hint)) throw ReadError(ZSTD_getErrorName(hint));
      last_hint_ = hint;
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteSource> raw_;
  std::vector<char> input_;
  ZSTD_DStream* stream_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  size_t last_hint_ = 1;
};

}  // namespace

std::unique_ptr<ByteSource> OpenByteSource(const std::string& path,
                                           Compression* compression) {
  FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  }
  const bool owned = file != stdin;
  std::string magic(4, '\0');
  size_t got = 0;
  while (got < magic.size()) {
    const size_t n = std::fread(magic.data() + got, 1, magic.size() - got, file);
    if (n == 0) break;
    got += n;
  }
  if (got < magic.size() && std::ferror(file)) {
    const std::string reason = std::strerror(errno);
    if (owned) std::fclose(file);
    throw std::runtime_error("cannot open " + path + ": " + reason);
  }
  magic.resize(got);
  auto raw = std::make_unique<FileSource>(file, owned, magic);
  Compression kind = Compression::kNone;
  if (magic.size() >= 2 && magic[0] == '\x1F' && magic[1] == '\x8B') {
    kind = Compression::kGzip;
  } else if (magic == "\x28\xB5\x2F\xFD") {
    kind = Compression::kZstd;
  }
  if (compression != nullptr) *compression = kind;
  switch (kind) {
    case Compression::kGzip:
      return std::make_unique<GzipSource>(std::move(raw));
    case Compression::kZstd:
      return std::make_unique<ZstdSource>(std::move(raw));
    case Compression::kNone:
      break;
  }
  return raw;
}

BufferedInput::BufferedInput(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)) {}

void BufferedInput::Compact() {
  if (position_ > 0 && position_ * 2 >= buffer_.size()) {
    buffer_.erase(0, position_);
    position_ = 0;
  }
}

bool BufferedInput::Fill() {
  if (at_end_ || failed()) return false;
  Compact();
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + kChunkSize);
  size_t n = 0;
  try {
    n = source_->Read(buffer_.data() + old_size, kChunkSize);
  } catch (const ReadError& e) {
    error_ = e.what();
    if (error_.empty()) error_ = "read error";
  }
  buffer_.resize(old_size + n);
  if (n == 0) at_end_ = true;
  return n > 0;
}

std::string_view BufferedInput::Peek(size_t size) {
  while (buffer_.size() - position_ < size && !at_end_ && !failed()) {
    Fill();
  }
  if (failed()) throw ReadError(error_);
  return Buffered();
}

bool BufferedInput::ReadLine(std::string& line) {
  size_t searched = position_;
  while (true) {
    const size_t newline = buffer_.find('\n', searched);
    if (newline != std::string::npos) {
      size_t end = newline;
      if (end > position_ && buffer_[end - 1] == '\r') --end;
      line.assign(buffer_, position_, end - position_);
      position_ = newline + 1;
      return true;
    }
    // Everything buffered has been searched; Fill may move it to the front.
    const size_t searched_length = buffer_.size() - position_;
    if (!Fill()) break;
    searched = position_ + searched_length;
  }
  if (failed() || position_ >= buffer_.size()) return false;
  size_t end = buffer_.size();
  if (buffer_[end - 1] == '\r') --end;
  line.assign(buffer_, position_, end - position_);
  position_ = buffer_.size();
  return true;
}

bool BufferedInput::ReadAll(std::string& out, size_t limit) {
  const size_t start = out.size();
  while (true) {
    out.append(buffer_, position_, std::string::npos);
    position_ = buffer_.size();
    if (limit > 0 && out.size() - start > limit) return true;
    if (!Fill()) break;
  }
  return !failed();
}

}  // namespace dyad::text
