// The SQLite store: tables documents, sentences and events, for analysts who
// open the results from R, Python or the sqlite3 shell, and for the server.
//
// Writes are batched: one transaction per kDocumentsPerTransaction documents
// (a transaction per row would cost a disk sync each), with a savepoint
// around each document so that a failure part-way through a document rolls
// back just that document and the batch can still be committed. A document
// is keyed by its id: writing it again deletes its old sentences and events
// first, so re-coding a corpus into the same file replaces rather than
// duplicates.
#include <sqlite3.h>

#include <cassert>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "dyad/sink.h"
#include "sink/fields.h"
#include "util/json_writer.h"

namespace dyad {
namespace {

constexpr int kDocumentsPerTransaction = 500;

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  date TEXT,
  title TEXT,
  url TEXT,
  source TEXT,
  text TEXT
);
CREATE TABLE IF NOT EXISTS sentences (
  doc_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  "begin" INTEGER,
  "end" INTEGER,
  text TEXT,
  PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  sentence INTEGER,
  date TEXT,
  date_source TEXT,
  date_text TEXT,
  date_granularity TEXT,
  source_code TEXT,
  source_country TEXT,
  source_sector TEXT,
  source_text TEXT,
  source_begin INTEGER,
  source_end INTEGER,
  target_code TEXT,
  target_country TEXT,
  target_sector TEXT,
  target_text TEXT,
  target_begin INTEGER,
  target_end INTEGER,
  cameo TEXT,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  plover_event TEXT,
  plover_mode TEXT,
  plover_context TEXT,
  modality TEXT,
  attribution TEXT,
  location_name TEXT,
  location_country TEXT,
  location_admin1 TEXT,
  lat REAL,
  lon REAL,
  geonameid INTEGER,
  location_precision TEXT,
  verb_text TEXT,
  verb_begin INTEGER,
  verb_end INTEGER,
  pattern TEXT,
  confidence REAL,
  sentence_text TEXT
);
CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_cameo ON events (cameo);
CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
)sql";

// The events columns the sink fills, in binding order (id is assigned by
// SQLite).
constexpr std::string_view kEventColumns[] = {
    "doc_id",
    "sentence",
    "date",
    "date_source",
    "date_text",
    "date_granularity",
    "source_code",
    "source_country",
    "source_sector",
    "source_text",
    "source_begin",
    "source_end",
    "target_code",
    "target_country",
    "target_sector",
    "target_text",
    "target_begin",
    "target_end",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "modality",
    "attribution",
    "location_name",
    "location_country",
    "location_admin1",
    "lat",
    "lon",
    "geonameid",
    "location_precision",
    "verb_text",
    "verb_begin",
    "verb_end",
    "pattern",
    "confidence",
    "sentence_text",
};

std::string InsertEventSql() {
  std::string columns;
  std::string placeholders;
  for (std::string_view column : kEventColumns) {
    if (!columns.empty()) {
      columns += ", ";
      placeholders += ", ";
    }
    columns += column;
    placeholders += '?';
  }
  return fmt::format("INSERT INTO events ({}) VALUES ({})", columns, placeholders);
}

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Binds a statement's parameters left to right.
class Binder {
 public:
  Binder(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}

  Binder& Text(std::string_view value) {
    // A null data pointer would bind NULL, not an empty string.
    return Check(sqlite3_bind_text(statement_, ++index_, value.empty() ? "" : value.data(),
                                   static_cast<int>(value.size()), SQLITE_STATIC));
  }
  Binder& TextOrNull(std::string_view value) { return value.empty() ? Null() : Text(value); }
  Binder& Int(int64_t value) { return Check(sqlite3_bind_int64(statement_, ++index_, value)); }
  Binder& Double(double value) { return Check(sqlite3_bind_double(statement_, ++index_, value)); }
  Binder& Null() { return Check(sqlite3_bind_null(statement_, ++index_)); }
  Binder& Optional(const std::optional<std::string>& value) {
    return value ? Text(*value) : Null();
  }
  Binder& Optional(const std::optional<double>& value) { return value ? Double(*value) : Null(); }
  Binder& Optional(const std::optional<int64_t>& value) { return value ? Int(*value) : Null(); }

  int count() const { return index_; }

 private:
  Binder& Check(int code) {
    if (code != SQLITE_OK) {
      throw std::runtime_error(fmt::format("SQLite: cannot bind a value: {}", sqlite3_errmsg(db_)));
    }
    return *this;
  }

  sqlite3* db_;
  sqlite3_stmt* statement_;
  int index_ = 0;
};

class SqliteSink : public EventSink {
 public:
  explicit SqliteSink(const std::filesystem::path& path) : name_(path.string()) {
    sqlite3* db = nullptr;
    const int code =
        sqlite3_open_v2(name_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db_.reset(db);  // closed on every path, including failure
    if (code != SQLITE_OK) {
      throw std::runtime_error(fmt::format("{}: cannot open the database: {}", name_,
                                           db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
    }
    // A reader (the server, an analyst's shell) may hold the file briefly.
    sqlite3_busy_timeout(db_.get(), 5000);
    // WAL lets readers work during a long coding run; with WAL, synchronous
    // NORMAL keeps the database consistent after a crash and only syncs at
    // checkpoints.
    Exec("PRAGMA journal_mode = WAL");
    Exec("PRAGMA synchronous = NORMAL");
    Exec(kSchema);
    begin_ = Prepare("BEGIN");
    commit_ = Prepare("COMMIT");
    savepoint_ = Prepare("SAVEPOINT document");
    release_ = Prepare("RELEASE document");
    rollback_to_ = Prepare("ROLLBACK TO document");
    delete_events_ = Prepare("DELETE FROM events WHERE doc_id = ?");
    delete_sentences_ = Prepare("DELETE FROM sentences WHERE doc_id = ?");
    upsert_document_ = Prepare(
        "INSERT INTO documents (id, date, title, url, source, text) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET date = excluded.date, title = excluded.title, "
        "url = excluded.url, source = excluded.source, text = excluded.text");
    insert_sentence_ = Prepare(
        "INSERT OR REPLACE INTO sentences (doc_id, idx, \"begin\", \"end\", text) "
        "VALUES (?, ?, ?, ?, ?)");
    insert_event_ = Prepare(InsertEventSql());
  }

  ~SqliteSink() override {
    // Without Finish (the run stopped on an error), keep the documents
    // written so far: each one is complete thanks to its savepoint.
    if (db_ && in_transaction_) {
      try {
        Commit();
      } catch (const std::exception&) {
        // Nothing more can be done in a destructor; the batch is lost.
      }
    }
  }

  void Write(const Document& document, const DocumentResult& result) override {
    assert(db_ && "Write after Finish");
    if (!in_transaction_) {
      Run(begin_.get());
      in_transaction_ = true;
    }
    Run(savepoint_.get());
    try {
      WriteDocument(document, result);
    } catch (...) {
      Run(rollback_to_.get());
      Run(release_.get());
      throw;
    }
    Run(release_.get());
    if (++documents_in_transaction_ >= kDocumentsPerTransaction) Commit();
  }

  void Finish() override {
    if (!db_) return;
    if (in_transaction_) Commit();
    // Statements first: the database closes only when none is left.
    for (Statement* statement :
         {&begin_, &commit_, &savepoint_, &release_, &rollback_to_, &delete_events_,
          &delete_sentences_, &upsert_document_, &insert_sentence_, &insert_event_}) {
      statement->reset();
    }
    if (sqlite3_close(db_.get()) != SQLITE_OK) {
      throw std::runtime_error(
          fmt::format("{}: cannot close the database: {}", name_, sqlite3_errmsg(db_.get())));
    }
    static_cast<void>(db_.release());  // closed above
  }

 private:
  [[noreturn]] void Fail(std::string_view what) const {
    throw std::runtime_error(fmt::format("{}: {}: {}", name_, what, sqlite3_errmsg(db_.get())));
  }

  void Exec(std::string_view sql) {
    if (sqlite3_exec(db_.get(), std::string(sql).c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      Fail("cannot set up the database");
    }
  }

  Statement Prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
      Fail(fmt::format("cannot prepare \"{}\"", sql));
    }
    return Statement(statement);
  }

  // Executes a statement to completion and resets it for the next use.
  void Run(sqlite3_stmt* statement) {
    const int code = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (code != SQLITE_DONE && code != SQLITE_ROW) Fail("cannot write");
  }

  void Commit() {
    in_transaction_ = false;
    documents_in_transaction_ = 0;
    Run(commit_.get());
  }

  void WriteDocument(const Document& document, const DocumentResult& result) {
    Binder(db_.get(), delete_events_.get()).Text(document.id);
    Run(delete_events_.get());
    Binder(db_.get(), delete_sentences_.get()).Text(document.id);
    Run(delete_sentences_.get());

    Binder(db_.get(), upsert_document_.get())
        .Text(document.id)
        .TextOrNull(document.date)
        .TextOrNull(document.title)
        .TextOrNull(document.url)
        .TextOrNull(document.source)
        .Text(document.text);
    Run(upsert_document_.get());

    for (const Sentence& sentence : result.sentences) {
      Binder(db_.get(), insert_sentence_.get())
          .Text(document.id)
          .Int(sentence.index)
          .Int(sentence.begin)
          .Int(sentence.end)
          .Text(sink::SentenceText(document, sentence));
      Run(insert_sentence_.get());
    }

    for (const Event& event : result.events) {
      BindEvent(document, event);
      Run(insert_event_.get());
    }
  }

  void BindEvent(const Document& document, const Event& event) {
    context_json_.Clear();
    context_json_.BeginArray();
    for (const std::string& context : event.plover.context) context_json_.String(context);
    context_json_.EndArray();

    Binder bind(db_.get(), insert_event_.get());
    // The document's id, not event.doc_id: the delete above keys on it.
    bind.Text(document.id)
        .Int(event.sentence_index)
        .TextOrNull(event.date)
        .Text(event.date_source)
        .TextOrNull(event.date_text)
        .Text(event.date_granularity)
        .Text(event.source.code)
        .Text(event.source.country)
        .TextOrNull(event.source.sector)
        .Text(event.source.text)
        .Int(event.source.begin)
        .Int(event.source.end);
    if (event.target) {
      bind.Text(event.target->code)
          .Text(event.target->country)
          .TextOrNull(event.target->sector)
          .Text(event.target->text)
          .Int(event.target->begin)
          .Int(event.target->end);
    } else {
      for (int i = 0; i < 6; ++i) bind.Null();
    }
    bind.Text(event.cameo)
        .Text(sink::CameoRoot(event.cameo))
        .Int(event.quad_class)
        .Optional(event.goldstein)
        .TextOrNull(event.plover.event)
        .TextOrNull(event.plover.mode)
        .Text(context_json_.str())
        .Text(ModalityName(event.modality))
        .Optional(event.attribution);
    if (event.location) {
      const Location& location = *event.location;
      bind.Text(location.name)
          .TextOrNull(location.country)
          .TextOrNull(location.admin1)
          .Double(location.lat)
          .Double(location.lon)
          .Optional(location.geonameid)
          .TextOrNull(location.precision);
    } else {
      for (int i = 0; i < 7; ++i) bind.Null();
    }
    bind.Text(event.verb_text)
        .Int(event.verb_begin)
        .Int(event.verb_end)
        .Text(event.pattern)
        .Double(event.confidence)
        .Text(event.sentence_text);
    assert(bind.count() == static_cast<int>(std::size(kEventColumns)));
  }

  std::string name_;
  Database db_;  // declared first: destroyed after the statements
  Statement begin_, commit_, savepoint_, release_, rollback_to_;
  Statement delete_events_, delete_sentences_, upsert_document_, insert_sentence_, insert_event_;
  util::JsonWriter context_json_;
  bool in_transaction_ = false;
  int documents_in_transaction_ = 0;
};

}  // namespace

std::unique_ptr<EventSink> MakeSqliteSink(const std::filesystem::path& path) {
  return std::make_unique<SqliteSink>(path);
}

}  // namespace dyad
