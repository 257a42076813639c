// Pipeline: a reader thread parses articles into numbered batches, analysis
// threads turn batches into documents, and the calling thread hands them to the
// writer in batch order, so the index does not depend on thread timing.
#include "attache/indexer/indexing.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "attache/indexer/document_analyzer.h"
#include "batch_window.h"
#include "blocking_queue.h"

namespace attache::indexer {
namespace {

constexpr size_t kBatchArticles = 64;
constexpr size_t kBatchBytes = 1 << 20;

struct ArticleBatch {
  uint64_t sequence = 0;
  std::vector<Article> articles;
};

struct DocumentBatch {
  uint64_t sequence = 0;
  std::vector<storage::IndexableDocument> documents;
};

}  // namespace

IndexingReport index_inputs(const std::vector<InputFile>& inputs, DocumentSink& writer,
                            const IndexingCallbacks& callbacks, unsigned analysis_threads) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  if (analysis_threads == 0) analysis_threads = std::max(1u, std::thread::hardware_concurrency());

  IndexingReport report;
  IndexingProgress progress;
  for (const InputFile& f : inputs) progress.bytes_total += f.size;
  std::atomic<uint64_t> bytes_read{0};

  BlockingQueue<ArticleBatch> to_analyse(2 * analysis_threads + 2);
  BlockingQueue<DocumentBatch> analysed(2 * analysis_threads + 2);
  // Room for both queues and a batch in each analysis thread.
  BatchWindow window(5 * uint64_t{analysis_threads} + 4);
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard lock(failure_mutex);
    if (!failure) failure = e;
    window.stop();
    to_analyse.close();
    analysed.close();
  };

  // Problems are reported by the reader thread; counted there too.
  std::array<uint64_t, kSkipReasonCount> skipped{};
  std::thread reader([&] {
    try {
      ArticleBatch batch;
      size_t batch_bytes = 0;
      uint64_t sequence = 0;
      auto send = [&] {
        if (batch.articles.empty()) return true;
        if (!window.wait_for_room(sequence)) return false;
        batch.sequence = sequence++;
        bool ok = to_analyse.push(std::move(batch));
        batch = ArticleBatch{};
        batch_bytes = 0;
        return ok;
      };
      struct Stopped {};
      ArticleSink sink;
      sink.article = [&](Article&& a) {
        batch_bytes += a.text.size();
        batch.articles.push_back(std::move(a));
        if ((batch.articles.size() >= kBatchArticles || batch_bytes >= kBatchBytes) && !send()) throw Stopped{};
      };
      sink.problem = [&](InputProblem&& p) {
        ++skipped[static_cast<size_t>(p.reason)];
        if (callbacks.problem) callbacks.problem(p);
      };
      sink.progress = [&](uint64_t n) { bytes_read.fetch_add(n, std::memory_order_relaxed); };
      try {
        for (const InputFile& input : inputs) read_articles(input, sink);
        send();
      } catch (const Stopped&) {
        // another thread failed and closed the queues; its error is reported
      }
      to_analyse.close();
    } catch (...) {
      fail(std::current_exception());
    }
  });

  std::atomic<unsigned> analysers_left{analysis_threads};
  std::vector<std::thread> analysers;
  for (unsigned t = 0; t < analysis_threads; ++t) {
    analysers.emplace_back([&] {
      try {
        DocumentAnalyzer analyzer;
        while (auto batch = to_analyse.pop()) {
          DocumentBatch out;
          out.sequence = batch->sequence;
          out.documents.reserve(batch->articles.size());
          for (Article& a : batch->articles) out.documents.push_back(analyzer.analyze(std::move(a)));
          if (!analysed.push(std::move(out))) break;
        }
      } catch (...) {
        fail(std::current_exception());
      }
      if (--analysers_left == 0) analysed.close();
    });
  }

  // This thread writes, taking batches strictly in sequence.
  try {
    std::map<uint64_t, DocumentBatch> waiting;
    uint64_t next = 0;
    auto last_report = Clock::now();
    while (auto batch = analysed.pop()) {
      waiting.emplace(batch->sequence, std::move(*batch));
      for (auto it = waiting.find(next); it != waiting.end(); it = waiting.find(next)) {
        for (auto& doc : it->second.documents) {
          writer.add(std::move(doc));
          ++report.indexed;
        }
        waiting.erase(it);
        window.written(++next);
      }
      if (callbacks.progress && Clock::now() - last_report > std::chrono::milliseconds(100)) {
        last_report = Clock::now();
        progress.articles = report.indexed;
        progress.bytes_read = bytes_read.load(std::memory_order_relaxed);
        progress.seconds = std::chrono::duration<double>(last_report - start).count();
        callbacks.progress(progress);
      }
    }
  } catch (...) {
    fail(std::current_exception());
  }
  reader.join();
  for (auto& t : analysers) t.join();
  if (failure) std::rethrow_exception(failure);

  writer.commit();
  report.skipped_by_reason = skipped;
  for (uint64_t n : skipped) report.skipped += n;
  report.bytes = bytes_read.load();
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (callbacks.progress) {
    progress.articles = report.indexed;
    progress.bytes_read = report.bytes;
    progress.seconds = report.seconds;
    callbacks.progress(progress);
  }
  return report;
}

}  // namespace attache::indexer
