// attache.Writer: articles added from Python, analysed as `attache index`
// analyses them, committed at once. The GIL is released while an article is
// analysed and written, so several threads may add to one Writer: each
// analyses on its own, and the index takes one article at a time.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "attache/storage/index_writer.h"

namespace attache::python {

class Writer {
 public:
  // Opens (or creates) an attache index for writing: waits up to
  // wait_seconds for another writer, then raises IndexLocked.
  Writer(const std::string& path, double wait_seconds, uint64_t memory_mib);

  // A dict with the fields of a JSON Lines article (id, date, text; title,
  // source, url); a bad article raises InvalidInput with the command line's
  // reason. Returns the article's id.
  std::string add(const pybind11::handle& article);
  // Deletes the article with this id at the next commit; false if none.
  bool remove(const std::string& id);
  // Makes everything added and deleted visible to readers at once.
  void commit();
  // Lets go of the index (and its lock) without committing.
  void close();
  bool closed() const { return !writer_; }
  uint64_t added() const { return added_; }

 private:
  storage::IndexWriter& writer() const;

  std::string path_;
  std::unique_ptr<storage::IndexWriter> writer_;
  std::mutex writing_;
  uint64_t added_ = 0;
};

// attache.quotes: who said what in one text, without an index; each statement
// as `attache quotes --json` gives it.
pybind11::list quotes(const std::string& text, const std::optional<std::string>& date, const std::string& id,
                      double min_confidence);

}  // namespace attache::python
