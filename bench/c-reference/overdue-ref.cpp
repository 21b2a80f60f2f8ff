// overdue-ref: a C++ reference pipeline for `make bench`. NOT part of plangraph.
//
// What it is for: issue 18 sets plangraph's speed targets relative to "a C pipeline doing the same
// work measured in the same run". This program is that yardstick. For a plan written by
// `plangraph generate --format json` it writes exactly the bytes of
//
//     plangraph overdue PLAN --as-of DATE --format json
//
// (and exits 1 when something is overdue, as plangraph does), doing the same work plangraph does:
// mmap the file; parse it with simdjson's On-Demand API into flat rows (ids, names and owners are
// views into the parser's string buffer, never separate strings); resolve owners by their dotted
// paths and `after` by the format's rules (a sibling's id, else a full id; a summary stands for its
// leaves) through an open-addressing table of full-id hashes, each task's continued from its
// parent's, a match confirmed along the parent chain (no full id is built as a string); build the finish-to-start
// graph once as CSR arrays with gate nodes for summaries' own `after`, in Kahn's topological order;
// run the critical-path method's forward and backward passes, the as-of forecast pass, statuses,
// counts, the recurring duties' occurrences (with the 100,000-occurrence fair-share listing cap) and
// the default warning lights; sort the items in the contract's order and write the JSON through a
// 1 MiB buffer.
//
// It is a yardstick, not a product: it reads only the subset of the plan format that `generate`
// writes (ISO dates, `Nd` durations, owners as full ids, no calendar, no status, progress, targets or
// includes) and rejects anything else with exit status 3 and a one-line message. Diagnostics with
// line and column are not its business. Summaries' roll-up and critical paths, which the JSON output
// does not show for generated plans, are not computed.
//
// Built by `make bench` (`make reference`: g++ -O2 -march=native, which simdjson's SIMD parsers need,
// into .build/c-reference/), never by `make test` or `make demo`.
// Checked byte for byte against plangraph by scripts/check-c-reference.sh.
//
// Usage: overdue-ref PLAN.json --as-of YYYY-MM-DD [--format json] [--window DAYS]
// With PLANGRAPH_TIMINGS=1 it prints each stage's milliseconds on stderr, in plangraph's lines and stage names.

#include <simdjson.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using namespace simdjson;
using std::string_view;

// MARK: - Failing

[[noreturn]] static void reject(const std::string &why) {
  fprintf(stderr, "overdue-ref: %s (outside what `plangraph generate` writes)\n", why.c_str());
  exit(3);
}

[[noreturn]] static void usage() {
  fprintf(stderr, "usage: overdue-ref PLAN.json --as-of YYYY-MM-DD [--format json] [--window DAYS]\n");
  exit(2);
}

// MARK: - Stage timings

// With PLANGRAPH_TIMINGS=1, each stage's time on stderr in plangraph's own lines and stage names, so
// that plangraph-bench reads both programs' stages the same way.
static bool timings = false;
static std::chrono::steady_clock::time_point first_mark, last_mark;
static void stage(const char *name) {
  if (!timings) return;
  auto now = std::chrono::steady_clock::now();
  fprintf(stderr, "plangraph timing: %s: %.1f ms\n", name,
          std::chrono::duration<double, std::milli>(now - last_mark).count());
  last_mark = now;
}

static void stage_totals() {
  if (!timings) return;
  auto now = std::chrono::steady_clock::now();
  fprintf(stderr, "plangraph timing: exit: 0.0 ms\n");
  fprintf(stderr, "plangraph timing: total: %.1f ms\n",
          std::chrono::duration<double, std::milli>(now - first_mark).count());
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  fprintf(stderr, "plangraph timing: peak memory: %ld MiB\n", usage.ru_maxrss / 1024);
}

// MARK: - Days (day numbers from 1970-01-01, as plangraph's Day)

static int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }

static int32_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (int32_t)(era * 146097 + doe - 719468);
}

static void civil_from_days(int64_t z, int &year, int &month, int &day) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  day = (int)(doy - (153 * mp + 2) / 5 + 1);
  month = (int)(mp < 10 ? mp + 3 : mp - 9);
  year = (int)(y + (month <= 2));
}

static int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

/// A `YYYY-MM-DD` date as a day number; anything else is rejected.
static int32_t parse_day(string_view s, const char *what) {
  auto digit = [&](size_t i) {
    if (s[i] < '0' || s[i] > '9') reject(std::string("a ") + what + " that is not YYYY-MM-DD: " + std::string(s));
    return s[i] - '0';
  };
  if (s.size() != 10 || s[4] != '-' || s[7] != '-')
    reject(std::string("a ") + what + " that is not YYYY-MM-DD: " + std::string(s));
  int y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  int m = digit(5) * 10 + digit(6);
  int d = digit(8) * 10 + digit(9);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
    reject(std::string("an impossible ") + what + ": " + std::string(s));
  return days_from_civil(y, m, d);
}

// MARK: - Recurrence (week, month, quarter, half-year, year), as plangraph's Recurrence

enum Every : int8_t { kNone = -1, kWeek, kMonth, kQuarter, kHalfYear, kYear };
static const int kMonthsPer[] = {0, 1, 3, 6, 12};

static int64_t period_index(Every every, int32_t day) {
  if (every == kWeek) return floor_div((int64_t)day + 3, 7);  // 1969-12-29, day -3, was a Monday
  int y, m, d;
  civil_from_days(day, y, m, d);
  return floor_div((int64_t)y * 12 + (m - 1), kMonthsPer[every]);
}

/// The last day of the period numbered `k`.
static int32_t period_end(Every every, int64_t k) {
  if (every == kWeek) return (int32_t)(k * 7 - 3 + 6);
  int64_t size = kMonthsPer[every];
  int64_t first = k * size;
  int64_t year = floor_div(first, 12);
  int64_t last_month = first - year * 12 + 1 + size - 1;  // 1…12
  return last_month == 12 ? days_from_civil(year + 1, 1, 1) - 1 : days_from_civil(year, last_month + 1, 1) - 1;
}

// MARK: - The plan as flat rows

static const int32_t kNoDay = INT32_MIN;

/// One task: views into the parser's string buffer and small integers.
struct Row {
  const char *id = nullptr;
  const char *name = nullptr;
  uint32_t id_len = 0, name_len = 0;
  int32_t parent = -1;
  int32_t owner = -1;
  int32_t duration = -1;  // days; -1 when not written
  int32_t deadline = kNoDay;
  int32_t done = kNoDay;
  uint32_t after_begin = 0, after_count = 0;  // into `after_text`, then resolved into `after_task`
  uint64_t full_hash = 0;  // the hash of the full id, continued from the parent's
  int8_t every = kNone;
  bool has_children = false;
};

struct Owner {
  std::string full_id;
  const char *id;
  uint32_t id_len;
  int32_t parent;
};

/// An open-addressing table of (parent, id segment) → index: owners by their place in the tree (two
/// owners declared with the same dotted path are found here). A slot
/// holds the key itself (the parent and the segment's first 8 bytes, zero-padded: ids hold no NUL), so
/// a probe reads one 16-byte slot and touches the entry's row only for ids of 8 bytes or more.
template <class Entry>
struct SegmentTable {
  struct Slot {
    uint64_t head;   // the segment's first 8 bytes, zero-padded
    int32_t parent;
    int32_t index;   // -1: empty
  };
  std::vector<Slot> slots;
  uint64_t mask = 0;

  static uint64_t head(const char *s, size_t n) {
    uint64_t h = 0;
    memcpy(&h, s, n < 8 ? n : 8);
    return h;
  }

  static uint64_t hash(uint64_t head, int32_t parent, const char *s, size_t n) {
    uint64_t h = (head ^ ((uint64_t)(uint32_t)parent << 32 | (uint32_t)parent)) * 0x9E3779B97F4A7C15ull;
    for (size_t i = 8; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
    return h ^ (h >> 32);
  }

  void reserve(size_t n) {
    size_t size = 16;
    while (size < n * 2) size <<= 1;
    slots.assign(size, Slot{0, 0, -1});
    mask = size - 1;
  }

  static bool same(const Entry &o, const char *s, size_t n) {
    return o.id_len == n && memcmp(o.id, s, n) == 0;
  }

  /// Inserts entry `index`; false when its parent already has a child with that id.
  bool insert(const std::vector<Entry> &entries, int32_t index) {
    const Entry &e = entries[index];
    uint64_t first = head(e.id, e.id_len);
    for (uint64_t at = hash(first, e.parent, e.id, e.id_len) & mask;; at = (at + 1) & mask) {
      Slot &slot = slots[at];
      if (slot.index < 0) {
        slot = Slot{first, e.parent, index};
        return true;
      }
      if (slot.head == first && slot.parent == e.parent && (e.id_len < 8 || same(entries[slot.index], e.id, e.id_len)))
        return false;
    }
  }

  int32_t find(const std::vector<Entry> &entries, int32_t parent, const char *s, size_t n) const {
    uint64_t first = head(s, n);
    for (uint64_t at = hash(first, parent, s, n) & mask;; at = (at + 1) & mask) {
      const Slot &slot = slots[at];
      if (slot.index < 0) return -1;
      if (slot.head == first && slot.parent == parent && (n < 8 || same(entries[slot.index], s, n))) return slot.index;
    }
  }
};

/// Hashes of full ids, continued segment by segment: the hash of `p0.ph1.t5` is the hash of `p0.ph1`
/// continued with `.t5`, so a task's is its parent's continued with its id, and a reference's is computed
/// from its text alone, or from the referring task's parent for a sibling's name.
static uint64_t continue_hash(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
  return h;
}
static const uint64_t kRootHash = 0xCBF29CE484222325ull;
static uint64_t child_hash(uint64_t parent_hash, bool has_parent, const char *id, size_t n) {
  uint64_t h = has_parent ? continue_hash(parent_hash, ".", 1) : kRootHash;
  return continue_hash(h, id, n);
}
static uint64_t slot_hash(uint64_t h) { return (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull; }

/// Tasks by the hash of their full id, in open addressing: one probe per reference, a match confirmed by
/// comparing the reference's segments with the ids along the candidate's parent chain.
struct FullIdTable {
  struct Slot {
    uint64_t hash;
    int64_t index;  // -1: empty
  };
  std::vector<Slot> slots;
  uint64_t mask = 0;

  void reserve(size_t n) {
    size_t size = 16;
    while (size < n * 2) size <<= 1;
    slots.assign(size, Slot{0, -1});
    mask = size - 1;
  }

  const Slot *home(uint64_t hash) const { return &slots[slot_hash(hash) & mask]; }

  /// Whether task `t`'s full id is the dotted `path`.
  static bool is(const std::vector<Row> &tasks, int32_t t, string_view path) {
    size_t end = path.size();
    while (t >= 0) {
      const Row &row = tasks[t];
      if (row.id_len > end) return false;
      size_t begin = end - row.id_len;
      if (memcmp(path.data() + begin, row.id, row.id_len) != 0) return false;
      t = row.parent;
      if (t < 0) return begin == 0;
      if (begin == 0 || path[begin - 1] != '.') return false;
      end = begin - 1;
    }
    return false;
  }

  /// Whether tasks `a` and `b` have the same full id (the same parent and id, or equal chains).
  static bool same(const std::vector<Row> &tasks, int32_t a, int32_t b) {
    while (a >= 0 && b >= 0) {
      if (a == b) return true;
      const Row &x = tasks[a], &y = tasks[b];
      if (x.id_len != y.id_len || memcmp(x.id, y.id, x.id_len) != 0) return false;
      a = x.parent;
      b = y.parent;
    }
    return a < 0 && b < 0;
  }

  /// Inserts task `index`; false when a task with the same full id is there.
  bool insert(const std::vector<Row> &tasks, int32_t index) {
    uint64_t hash = tasks[index].full_hash;
    for (uint64_t at = slot_hash(hash) & mask;; at = (at + 1) & mask) {
      Slot &slot = slots[at];
      if (slot.index < 0) {
        slot = Slot{hash, index};
        return true;
      }
      if (slot.hash == hash && same(tasks, (int32_t)slot.index, index)) return false;
    }
  }

  /// The task whose full id is `path` (hashed: `hash`), or -1.
  int32_t find(const std::vector<Row> &tasks, uint64_t hash, string_view path) const {
    for (uint64_t at = slot_hash(hash) & mask;; at = (at + 1) & mask) {
      const Slot &slot = slots[at];
      if (slot.index < 0) return -1;
      if (slot.hash == hash && is(tasks, (int32_t)slot.index, path)) return (int32_t)slot.index;
    }
  }

  /// The task named `name` among the children of `parent` (-1: the top level), or -1.
  int32_t find_child(const std::vector<Row> &tasks, int32_t parent, uint64_t hash, string_view name) const {
    for (uint64_t at = slot_hash(hash) & mask;; at = (at + 1) & mask) {
      const Slot &slot = slots[at];
      if (slot.index < 0) return -1;
      const Row &row = tasks[slot.index];
      if (slot.hash == hash && row.parent == parent && row.id_len == name.size() &&
          memcmp(row.id, name.data(), name.size()) == 0)
        return (int32_t)slot.index;
    }
  }
};

struct Plan {
  std::string title;
  int32_t start = kNoDay;
  std::vector<Owner> owners;
  std::vector<Row> tasks;
  std::vector<string_view> after_text;
  std::vector<int32_t> after_task;
  std::vector<string_view> owner_text;  // per task, resolved after all owners are read
};

// MARK: - Reading (simdjson On-Demand)

static void read_owners(ondemand::array list, int32_t parent, Plan &plan) {
  for (ondemand::object object : list) {
    int32_t index = (int32_t)plan.owners.size();
    plan.owners.push_back(Owner{std::string(), nullptr, 0, parent});
    for (auto field : object) {
      string_view key = field.unescaped_key();
      if (key == "id") {
        string_view id = field.value().get_string();
        if (id.empty() || id.find('.') != string_view::npos || id.find('\0') != string_view::npos)
          reject("the owner id '" + std::string(id) + "'");
        Owner &o = plan.owners[index];
        o.id = id.data();
        o.id_len = (uint32_t)id.size();
        o.full_id = parent < 0 ? std::string(id) : plan.owners[parent].full_id + "." + std::string(id);
      } else if (key == "name") {
        string_view name = field.value().get_string();
        (void)name;
      } else if (key == "units") {
        read_owners(field.value().get_array(), index, plan);
      } else {
        reject("the owner key '" + std::string(key) + "'");
      }
    }
    if (plan.owners[index].id == nullptr) reject("an owner without an id");
  }
}

static Every parse_every(string_view s) {
  if (s == "week") return kWeek;
  if (s == "month") return kMonth;
  if (s == "quarter") return kQuarter;
  if (s == "half-year") return kHalfYear;
  if (s == "year") return kYear;
  reject("every: " + std::string(s));
}

static int32_t parse_duration(string_view s) {
  if (s.size() < 2 || s.back() != 'd') reject("the duration '" + std::string(s) + "'");
  int64_t days = 0;
  for (size_t i = 0; i + 1 < s.size(); i++) {
    if (s[i] < '0' || s[i] > '9' || days > 100000000) reject("the duration '" + std::string(s) + "'");
    days = days * 10 + (s[i] - '0');
  }
  return (int32_t)days;
}

/// Reads a list of tasks, depth first: a task's row is appended before its children's. JSON nesting is
/// bounded by simdjson's own depth limit, so the recursion is too.
static void read_tasks(ondemand::array list, int32_t parent, Plan &plan) {
  for (ondemand::object object : list) {
    int32_t index = (int32_t)plan.tasks.size();
    plan.tasks.emplace_back();
    plan.owner_text.emplace_back();
    plan.tasks[index].parent = parent;
    if (parent >= 0) plan.tasks[parent].has_children = true;
    for (auto field : object) {
      // The key as written: compared in place, never copied (`unsafe_is_equal` wants a plain target).
      ondemand::raw_json_string key = field.key();
      Row &row = plan.tasks[index];
      switch (key.raw()[0]) {
        case 'i':
          if (!key.unsafe_is_equal("id")) break;
          {
            string_view id = field.value().get_string();
            if (id.empty() || id.find('.') != string_view::npos || id.find('\0') != string_view::npos) reject("the task id '" + std::string(id) + "'");
            row.id = id.data();
            row.id_len = (uint32_t)id.size();
          }
          continue;
        case 'n':
          if (!key.unsafe_is_equal("name")) break;
          {
            string_view name = field.value().get_string();
            row.name = name.data();
            row.name_len = (uint32_t)name.size();
          }
          continue;
        case 'o':
          if (!key.unsafe_is_equal("owner")) break;
          plan.owner_text[index] = field.value().get_string();
          continue;
        case 'd':
          if (key.unsafe_is_equal("duration")) {
            row.duration = parse_duration(field.value().get_string());
            continue;
          }
          if (key.unsafe_is_equal("deadline")) {
            row.deadline = parse_day(field.value().get_string(), "deadline");
            continue;
          }
          if (key.unsafe_is_equal("done")) {
            row.done = parse_day(field.value().get_string(), "done date");
            continue;
          }
          break;
        case 'e':
          if (!key.unsafe_is_equal("every")) break;
          row.every = parse_every(field.value().get_string());
          continue;
        case 'a':
          if (!key.unsafe_is_equal("after")) break;
          row.after_begin = (uint32_t)plan.after_text.size();
          for (auto reference : field.value().get_array()) plan.after_text.push_back(reference.get_string());
          plan.tasks[index].after_count = (uint32_t)plan.after_text.size() - plan.tasks[index].after_begin;
          continue;
        case 't':
          if (!key.unsafe_is_equal("tasks")) break;
          read_tasks(field.value().get_array(), index, plan);
          continue;
      }
      reject("the task key '" + std::string(key.raw(), strcspn(key.raw(), "\"")) + "'");
    }
    const Row &row = plan.tasks[index];
    if (row.id == nullptr || row.name == nullptr) reject("a task without an id or a name");
    if (row.has_children && (row.duration >= 0 || row.done != kNoDay || row.deadline != kNoDay || row.every != kNone))
      reject("a summary with a duration, done date, deadline or every");
    if (row.every != kNone && (row.duration >= 0 || row.done != kNoDay || row.after_count > 0 || row.has_children))
      reject("a recurring duty with a duration, done date, after or children");
  }
}

static void read_plan(ondemand::document &document, Plan &plan) {
  for (auto field : document.get_object()) {
    string_view key = field.unescaped_key();
    if (key == "plan") {
      plan.title = std::string(string_view(field.value().get_string()));
    } else if (key == "start") {
      plan.start = parse_day(field.value().get_string(), "plan start");
    } else if (key == "owners") {
      read_owners(field.value().get_array(), -1, plan);
    } else if (key == "tasks") {
      read_tasks(field.value().get_array(), -1, plan);
    } else {
      reject("the file key '" + std::string(key) + "'");
    }
  }
  if (plan.start == kNoDay) reject("a plan without a start");
}

// MARK: - Resolving owners and `after`

static void resolve(Plan &plan) {
  SegmentTable<Owner> owner_table;
  owner_table.reserve(plan.owners.size());
  for (int32_t i = 0; i < (int32_t)plan.owners.size(); i++)
    if (!owner_table.insert(plan.owners, i)) reject("an owner declared twice: " + plan.owners[i].full_id);

  // Owners are few and named again and again: their full ids, hashed whole, in a small table of their own.
  std::vector<int32_t> owner_slots(64, -1);
  while (owner_slots.size() < plan.owners.size() * 4) owner_slots.resize(owner_slots.size() * 2, -1);
  const uint64_t owner_mask = owner_slots.size() - 1;
  auto text_hash = [](string_view text) {
    uint64_t h = 1469598103934665603ull;
    for (char c : text) h = (h ^ (unsigned char)c) * 1099511628211ull;
    return h ^ (h >> 32);
  };
  for (int32_t i = 0; i < (int32_t)plan.owners.size(); i++) {
    uint64_t at = text_hash(plan.owners[i].full_id) & owner_mask;
    while (owner_slots[at] >= 0) at = (at + 1) & owner_mask;
    owner_slots[at] = i;
  }
  auto find_owner = [&](string_view text) -> int32_t {
    for (uint64_t at = text_hash(text) & owner_mask;; at = (at + 1) & owner_mask) {
      int32_t o = owner_slots[at];
      if (o < 0 || plan.owners[o].full_id == text) return o;
    }
  };

  FullIdTable table;
  table.reserve(plan.tasks.size());
  const int32_t n = (int32_t)plan.tasks.size();
  // Each insertion misses the cache once, at its slot: the slot of the task 16 ahead is fetched meanwhile
  // (a parent comes before its children, so its hash is known by then).
  for (int32_t i = 0; i < n; i++) {
    Row &row = plan.tasks[i];
    row.full_hash =
        child_hash(row.parent >= 0 ? plan.tasks[row.parent].full_hash : 0, row.parent >= 0, row.id, row.id_len);
    if (i >= 16) __builtin_prefetch(table.home(plan.tasks[i - 16].full_hash), 1);
  }
  for (int32_t i = 0; i < n; i++) {
    if (i + 16 < n) __builtin_prefetch(table.home(plan.tasks[i + 16].full_hash), 1);
    Row &row = plan.tasks[i];
    if (!table.insert(plan.tasks, i)) reject("a duplicate id: " + std::string(row.id, row.id_len));
    // The owner: as written (a full id), else the parent's.
    string_view owner = plan.owner_text[i];
    if (!owner.empty()) {
      row.owner = find_owner(owner);
      if (row.owner < 0) reject("the unknown owner '" + std::string(owner) + "'");
    } else if (row.parent >= 0) {
      row.owner = plan.tasks[row.parent].owner;
    }
  }
  stage("ids and owners");
  // `after`: a name without dots among the siblings, else the name as a full id (a root file without
  // `id` has no namespace, so the format's steps 2 and 3 are one).
  // One probe each, in batches: the batch's slots are fetched together, so their cache misses overlap.
  const size_t references = plan.after_text.size();
  plan.after_task.resize(references);
  std::vector<int32_t> referrer(references);
  for (int32_t i = 0; i < n; i++) {
    const Row &row = plan.tasks[i];
    for (uint32_t k = row.after_begin; k < row.after_begin + row.after_count; k++) referrer[k] = i;
  }
  const size_t kBatch = 32;
  uint64_t hashes[kBatch];
  bool sibling[kBatch];
  for (size_t first = 0; first < references; first += kBatch) {
    size_t count = std::min(kBatch, references - first);
    for (size_t b = 0; b < count; b++) {
      string_view name = plan.after_text[first + b];
      int32_t parent = plan.tasks[referrer[first + b]].parent;
      sibling[b] = name.find('.') == string_view::npos;
      hashes[b] = sibling[b] ? child_hash(parent >= 0 ? plan.tasks[parent].full_hash : 0, parent >= 0, name.data(),
                                          name.size())
                             : continue_hash(kRootHash, name.data(), name.size());
      __builtin_prefetch(table.home(hashes[b]));
    }
    for (size_t b = 0; b < count; b++) {
      size_t k = first + b;
      string_view name = plan.after_text[k];
      int32_t target = -1;
      if (sibling[b]) {
        int32_t parent = plan.tasks[referrer[k]].parent;
        target = table.find_child(plan.tasks, parent, hashes[b], name);
        // Not a sibling: the name as a full id (a top-level task's).
        if (target < 0 && parent >= 0) target = table.find(plan.tasks, continue_hash(kRootHash, name.data(), name.size()), name);
      } else {
        target = table.find(plan.tasks, hashes[b], name);
      }
      if (target < 0) reject("the unknown reference '" + std::string(name) + "'");
      plan.after_task[k] = target;
    }
  }
  stage("resolve after");
}

// MARK: - The graph: CSR arrays, Kahn's order (as plangraph's DependencyGraph)

struct Graph {
  int32_t task_count = 0, node_count = 0;
  std::vector<int32_t> pred_start, preds, succ_start, succs, order;
};

static void build_graph(const Plan &plan, Graph &g) {
  const int32_t n = (int32_t)plan.tasks.size();
  const auto &tasks = plan.tasks;
  // A gate for every summary whose own `after` or an ancestor's binds its descendants.
  std::vector<int32_t> gate_of(n, -1);
  int32_t gates = 0;
  for (int32_t i = 0; i < n; i++) {
    if (!tasks[i].has_children || tasks[i].every != kNone) continue;
    int32_t parent_gate = tasks[i].parent >= 0 ? gate_of[tasks[i].parent] : -1;
    if (tasks[i].after_count > 0 || parent_gate >= 0) gate_of[i] = n + gates++;
  }
  g.task_count = n;
  g.node_count = n + gates;
  // Every edge, enumerated twice: once to count each node's predecessors and successors, once to fill
  // both lists (their order within a node changes no date).
  std::vector<uint8_t> duty(n);
  for (int32_t i = 0; i < n; i++) duty[i] = tasks[i].every != kNone;
  auto each_edge = [&](auto &&edge) {
    for (int32_t i = 0; i < n; i++) {
      const Row &row = tasks[i];
      if (duty[i]) continue;
      int32_t node = row.has_children ? gate_of[i] : i;
      if (node >= 0) {
        for (uint32_t k = row.after_begin; k < row.after_begin + row.after_count; k++) {
          int32_t target = plan.after_task[k];
          if (!duty[target]) edge(target, node);
        }
      }
      if (row.parent >= 0) {
        edge(i, row.parent);  // a leaf or sub-summary ends before its summary's end node
        if (gate_of[row.parent] >= 0) edge(gate_of[row.parent], row.has_children ? gate_of[i] : i);  // and waits for its gate
      }
    }
  };
  const int32_t nodes = g.node_count;
  g.pred_start.assign(nodes + 1, 0);
  g.succ_start.assign(nodes + 1, 0);
  each_edge([&](int32_t from, int32_t to) {
    g.pred_start[to + 1]++;
    g.succ_start[from + 1]++;
  });
  for (int32_t k = 0; k < nodes; k++) {
    g.pred_start[k + 1] += g.pred_start[k];
    g.succ_start[k + 1] += g.succ_start[k];
  }
  const size_t edges = g.pred_start[nodes];
  g.preds.resize(edges);
  g.succs.resize(edges);
  std::vector<int32_t> pred_fill(g.pred_start.begin(), g.pred_start.end() - 1);
  std::vector<int32_t> succ_fill(g.succ_start.begin(), g.succ_start.end() - 1);
  each_edge([&](int32_t from, int32_t to) {
    g.preds[pred_fill[to]++] = from;
    g.succs[succ_fill[from]++] = to;
  });
  // Kahn's algorithm, a FIFO queue seeded in node order.
  std::vector<int32_t> indegree(nodes);
  for (int32_t k = 0; k < nodes; k++) indegree[k] = g.pred_start[k + 1] - g.pred_start[k];
  g.order.reserve(nodes);
  for (int32_t k = 0; k < nodes; k++)
    if (indegree[k] == 0) g.order.push_back(k);
  for (size_t head = 0; head < g.order.size(); head++) {
    int32_t node = g.order[head];
    for (int32_t s = g.succ_start[node]; s < g.succ_start[node + 1]; s++)
      if (--indegree[g.succs[s]] == 0) g.order.push_back(g.succs[s]);
  }
  if ((int32_t)g.order.size() != nodes) reject("a dependency cycle");
}

// MARK: - Scheduling

enum Status : int8_t { kDone, kOverdue, kAtRisk, kDueSoon, kOnTrack };

struct Item {
  int32_t task;
  int8_t status;  // kOverdue, kAtRisk or kDueSoon: the contract's rank order
  int8_t light;   // 0 红, 1 黄, 2 绿
  int32_t deadline;  // kNoDay: none
  int32_t forecast;  // kNoDay: none
  int32_t days_overdue;  // -1: none
};

struct Counts {
  int64_t tasks = 0, done = 0, overdue = 0, at_risk = 0, due_soon = 0, on_track = 0, missed = 0;
};

/// The share of `budget` occurrences each duty lists (plangraph's RecurringDuties.fairShare).
static int64_t fair_share(int64_t budget, std::vector<int64_t> counts) {
  int64_t total = 0;
  for (int64_t c : counts) total += c;
  if (total <= budget) return INT64_MAX;
  std::sort(counts.begin(), counts.end());
  int64_t left = budget;
  for (size_t k = 0; k < counts.size(); k++) {
    int64_t even = left / (int64_t)(counts.size() - k);
    if (counts[k] > even) return std::max<int64_t>(2, even);
    left -= counts[k];
  }
  return std::max<int64_t>(2, left);
}

static void schedule(const Plan &plan, const Graph &g, int32_t as_of, int32_t window, std::vector<Item> &items,
                     Counts &counts) {
  const auto &tasks = plan.tasks;
  const int32_t n = g.task_count, nodes = g.node_count;
  const int32_t plan_start = plan.start;
  // What the passes read of each task, in flat arrays (as plangraph's TaskFacts): a leaf's duration in
  // days (-1 for summaries and duties), its done date and its deadline.
  std::vector<int32_t> days(n), done(n), deadline(n);
  for (int32_t i = 0; i < n; i++) {
    const Row &row = tasks[i];
    days[i] = row.has_children || row.every != kNone ? -1 : std::max(0, row.duration);
    done[i] = row.done;
    deadline[i] = row.deadline;
  }

  // Planned forward pass.
  std::vector<int32_t> end(nodes, plan_start), start(n, plan_start);
  int32_t project_end = plan_start;
  for (int32_t node : g.order) {
    int32_t ready = plan_start;
    for (int32_t s = g.pred_start[node]; s < g.pred_start[node + 1]; s++) ready = std::max(ready, end[g.preds[s]]);
    if (node >= n || days[node] < 0) {
      end[node] = ready;
      continue;
    }
    int32_t length = days[node];
    int32_t node_start, node_end;
    if (done[node] != kNoDay) {
      node_end = length == 0 ? done[node] : done[node] + 1;
      node_start = std::max(plan_start, node_end - length);
    } else {
      node_start = ready;
      node_end = ready + length;
    }
    start[node] = node_start;
    end[node] = node_end;
    project_end = std::max(project_end, node_end);
  }
  // Planned backward pass: latest ends and starts (the slack; not in this output, done as plangraph does).
  std::vector<int32_t> latest_start(nodes, INT32_MAX);
  int64_t critical = 0;
  for (int32_t k = nodes - 1; k >= 0; k--) {
    int32_t node = g.order[k];
    int32_t latest = project_end;
    for (int32_t s = g.succ_start[node]; s < g.succ_start[node + 1]; s++)
      latest = std::min(latest, latest_start[g.succs[s]]);
    bool leaf = node < n && days[node] >= 0;
    if (leaf && deadline[node] != kNoDay) latest = std::min(latest, deadline[node] + 1);
    latest_start[node] = latest - (leaf ? days[node] : 0);
    if (leaf && latest <= end[node]) critical++;
  }
  static volatile int64_t sink;
  sink = critical;  // the pass's result is used, so the compiler keeps it
  stage("CPM");

  // The forecast as of the date.
  std::vector<int32_t> forecast(nodes, plan_start);
  for (int32_t node : g.order) {
    int32_t ready = plan_start;
    for (int32_t s = g.pred_start[node]; s < g.pred_start[node + 1]; s++)
      ready = std::max(ready, forecast[g.preds[s]]);
    if (node >= n || days[node] < 0) {
      forecast[node] = ready;
    } else if (done[node] != kNoDay && done[node] <= as_of) {
      forecast[node] = end[node];
    } else {
      forecast[node] = std::max(ready, as_of) + days[node];
    }
  }

  // Leaves: status, counts, lights; duties: occurrences.
  struct Span {
    int32_t task;
    int64_t first, missed;
  };
  std::vector<Span> spans;
  for (int32_t i = 0; i < n; i++) {
    const Row &row = tasks[i];
    if (row.has_children) continue;
    counts.tasks++;
    if (row.every != kNone) {
      Every every = (Every)row.every;
      // From the plan start until the as-of date; no held dates in generated plans.
      int64_t first = period_index(every, plan_start);
      int64_t now = period_index(every, as_of);
      int64_t last = plan_start <= as_of ? now : first - 1;
      int64_t last_due = std::min(last, now - 1);
      int64_t missed = std::max<int64_t>(0, last_due - first + 1);
      if (missed > 0) {
        counts.overdue++;
        counts.missed += missed;
        spans.push_back({i, first, missed});
        continue;
      }
      // The current occurrence, when its period reaches the plan start, pending: due at its period's end.
      int32_t current = period_end(every, now);
      if (current >= plan_start && current <= as_of + window) {
        counts.due_soon++;
        int8_t light = current - as_of >= 0 && current - as_of <= 7 ? 1 : 2;
        items.push_back({i, kDueSoon, light, current, kNoDay, -1});
        continue;
      }
      counts.on_track++;
      continue;
    }
    bool is_milestone = days[i] == 0;
    int32_t finish_forecast = is_milestone ? forecast[i] : forecast[i] - 1;
    if (done[i] != kNoDay && done[i] <= as_of) {
      counts.done++;
      continue;
    }
    int32_t due = deadline[i];
    if (due != kNoDay && due < as_of) {
      counts.overdue++;
      items.push_back({i, kOverdue, 0, due, finish_forecast, as_of - due});
    } else if (due != kNoDay && finish_forecast > due) {
      counts.at_risk++;
      items.push_back({i, kAtRisk, 1, due, finish_forecast, -1});
    } else if (due != kNoDay && due <= as_of + window) {
      counts.due_soon++;
      // 黄 when due within 7 days or 10 points behind the planned span's elapsed share, else 绿.
      int32_t finish = is_milestone ? end[i] : end[i] - 1;
      int32_t span = std::max(1, finish + 1 - start[i]);
      int32_t elapsed = std::min(span, std::max(0, as_of - start[i]));
      int32_t behind = (int32_t)((int64_t)elapsed * 100 / span);
      int32_t left = due - as_of;
      int8_t light = (left >= 0 && left <= 7) || behind >= 10 ? 1 : 2;
      items.push_back({i, kDueSoon, light, due, finish_forecast, -1});
    } else {
      counts.on_track++;
    }
  }
  // Missed occurrences, listed within the shared budget, each duty's first and last always there.
  std::vector<int64_t> missed_counts;
  missed_counts.reserve(spans.size());
  for (const Span &s : spans) missed_counts.push_back(s.missed);
  int64_t share = fair_share(100000, missed_counts);
  for (const Span &s : spans) {
    const Row &row = tasks[s.task];
    int64_t limit = share;
    int64_t text = row.name_len;
    if (text > 256 && share < INT64_MAX) limit = std::max<int64_t>(2, share / (text / 256 + 1));
    int64_t listed = std::min(limit, s.missed);
    Every every = (Every)row.every;
    for (int64_t k = 0; k < listed; k++) {
      int64_t period = s.first + k;
      if (k == listed - 1 && listed == limit && limit > 1 && listed < s.missed) period = s.first + s.missed - 1;
      int32_t due = period_end(every, period);
      items.push_back({s.task, kOverdue, 0, due, kNoDay, as_of - due});
    }
  }
}

// MARK: - Output

/// A 1 MiB buffer written to stdout as it fills.
struct Out {
  std::vector<char> buffer;
  size_t used = 0;
  Out() : buffer(1 << 20) {}
  void flush() {
    size_t at = 0;
    while (at < used) {
      ssize_t wrote = write(1, buffer.data() + at, used - at);
      if (wrote <= 0) exit(1);
      at += (size_t)wrote;
    }
    used = 0;
  }
  void room(size_t n) {
    if (used + n > buffer.size()) flush();
  }
  void raw(const char *s, size_t n) {
    if (n > buffer.size()) {
      flush();
      used = n;
      buffer.resize(std::max(buffer.size(), n));
      memcpy(buffer.data(), s, n);
      flush();
      return;
    }
    room(n);
    memcpy(buffer.data() + used, s, n);
    used += n;
  }
  void lit(const char *s) { raw(s, strlen(s)); }
  void num(int64_t v) {
    char text[24];
    char *end = text + sizeof text, *at = end;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
      *--at = (char)('0' + u % 10);
      u /= 10;
    } while (u);
    if (v < 0) *--at = '-';
    raw(at, (size_t)(end - at));
  }
  void day(int32_t d) {
    if (d == kNoDay) return lit("null");
    int y, m, dd;
    civil_from_days(d, y, m, dd);
    if (y < 1000 || y > 9999) reject("a date outside the years 1000–9999");
    char text[12] = {'"', (char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
                     (char)('0' + y % 10), '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
                     (char)('0' + dd / 10), (char)('0' + dd % 10), '"'};
    raw(text, sizeof text);
  }
  /// A JSON string as plangraph's ByteWriter escapes it: `"`, `\`, controls, U+2028 and U+2029.
  void str(const char *s, size_t n) {
    room(2);
    buffer[used++] = '"';
    // Most text needs no escape: copied in one go when so.
    size_t scan = 0;
    while (scan < n) {
      unsigned char c = (unsigned char)s[scan];
      if (c < 0x20 || c == '"' || c == '\\' || c == 0xE2) break;
      scan++;
    }
    if (scan == n) {
      raw(s, n);
      room(1);
      buffer[used++] = '"';
      return;
    }
    size_t plain = 0;
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)s[i];
      const char *escape = nullptr;
      char hex[8];
      size_t skip = 1;
      if (c == '"') escape = "\\\"";
      else if (c == '\\') escape = "\\\\";
      else if (c == '\n') escape = "\\n";
      else if (c == '\r') escape = "\\r";
      else if (c == '\t') escape = "\\t";
      else if (c < 0x20) {
        snprintf(hex, sizeof hex, "\\u00%02x", c);
        escape = hex;
      } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
        escape = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
        skip = 3;
      }
      if (!escape) continue;
      raw(s + plain, i - plain);
      lit(escape);
      i += skip - 1;
      plain = i + 1;
    }
    raw(s + plain, n - plain);
    room(1);
    buffer[used++] = '"';
  }
};

int main(int argc, char **argv) {
  const char *path = nullptr, *as_of_text = nullptr;
  int32_t window = 30;
  for (int k = 1; k < argc; k++) {
    if (!strcmp(argv[k], "--as-of") && k + 1 < argc) as_of_text = argv[++k];
    else if (!strcmp(argv[k], "--format") && k + 1 < argc) {
      if (strcmp(argv[++k], "json")) reject("--format other than json");
    } else if (!strcmp(argv[k], "--window") && k + 1 < argc) {
      // Days, as plangraph's --window: `30`, `30d` or `4w`.
      char *unit = nullptr;
      long count = strtol(argv[++k], &unit, 10);
      if (count < 0 || count > 100000 || unit == argv[k] || (*unit && strcmp(unit, "d") && strcmp(unit, "w")))
        reject(std::string("--window ") + argv[k]);
      window = (int32_t)(*unit == 'w' ? count * 7 : count);
    }
    else if (argv[k][0] != '-' && !path) path = argv[k];
    else usage();
  }
  if (!path || !as_of_text) usage();
  const char *timing_flag = getenv("PLANGRAPH_TIMINGS");
  timings = timing_flag && strcmp(timing_flag, "0") != 0;
  first_mark = last_mark = std::chrono::steady_clock::now();
  int32_t as_of = parse_day(as_of_text, "--as-of date");

  // The file's bytes, mapped, with simdjson's padding: anonymous zero pages, the file mapped over them.
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    perror(path);
    return 2;
  }
  struct stat info;
  fstat(fd, &info);
  size_t size = (size_t)info.st_size;
  size_t capacity = size + SIMDJSON_PADDING;
  char *base = (char *)mmap(nullptr, capacity, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED || (size > 0 && mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED)) {
    perror("mmap");
    return 2;
  }
  stage("bytes in");

  Plan plan;
  plan.tasks.reserve(size / 100 + 16);  // generated JSON: about 110 bytes a task
  plan.owner_text.reserve(size / 100 + 16);
  try {
    ondemand::parser parser;
    ondemand::document document = parser.iterate(padded_string_view(base, size, capacity));
    read_plan(document, plan);
    stage("parse");
    resolve(plan);
    Graph graph;
    build_graph(plan, graph);
    stage("graph");
    std::vector<Item> items;
    Counts counts;
    schedule(plan, graph, as_of, window, items, counts);
    stage("as-of pass");

    // Full ids of the listed tasks only, built along the parent chain into one arena.
    std::vector<char> arena;
    std::vector<int64_t> at(plan.tasks.size(), -1);
    std::vector<uint32_t> length(plan.tasks.size(), 0);
    std::vector<int32_t> chain;
    for (const Item &item : items) {
      if (at[item.task] >= 0) continue;
      chain.clear();
      for (int32_t t = item.task; t >= 0; t = plan.tasks[t].parent) chain.push_back(t);
      at[item.task] = (int64_t)arena.size();
      for (size_t k = chain.size(); k-- > 0;) {
        const Row &r = plan.tasks[chain[k]];
        arena.insert(arena.end(), r.id, r.id + r.id_len);
        if (k > 0) arena.push_back('.');
      }
      length[item.task] = (uint32_t)(arena.size() - at[item.task]);
    }
    // By status, most days overdue first, then deadline (none last), then id by code point (UTF-8 bytes).
    std::sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
      if (a.status != b.status) return a.status < b.status;
      int32_t la = std::max(0, a.days_overdue), lb = std::max(0, b.days_overdue);
      if (la != lb) return la > lb;
      if (a.deadline != b.deadline) {
        int64_t da = a.deadline == kNoDay ? INT64_MAX : a.deadline, db = b.deadline == kNoDay ? INT64_MAX : b.deadline;
        return da < db;
      }
      string_view ia(arena.data() + at[a.task], length[a.task]), ib(arena.data() + at[b.task], length[b.task]);
      return ia < ib;
    });
    stage("report");

    Out out;
    out.lit("{\n  \"plan\": ");
    out.str(plan.title.data(), plan.title.size());
    out.lit(",\n  \"asOf\": ");
    out.day(as_of);
    out.lit(",\n  \"window\": ");
    out.num(window);
    out.lit(",\n  \"counts\": {\"tasks\": ");
    out.num(counts.tasks);
    out.lit(", \"done\": ");
    out.num(counts.done);
    out.lit(", \"overdue\": ");
    out.num(counts.overdue);
    out.lit(", \"atRisk\": ");
    out.num(counts.at_risk);
    out.lit(", \"dueSoon\": ");
    out.num(counts.due_soon);
    out.lit(", \"blocked\": 0, \"onTrack\": ");
    out.num(counts.on_track);
    out.lit(", \"cancelled\": 0, \"markedBlocked\": 0, \"missedOccurrences\": ");
    out.num(counts.missed);
    out.lit("},\n  \"items\": [");
    static const char *status_words[] = {"done", "overdue", "at-risk", "due-soon", "on-track"};
    static const char *lights[] = {"\"红\"", "\"黄\"", "\"绿\""};
    bool any_overdue = false;
    for (size_t k = 0; k < items.size(); k++) {
      const Item &item = items[k];
      const Row &row = plan.tasks[item.task];
      any_overdue = any_overdue || item.status == kOverdue;
      out.lit(k == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      out.str(arena.data() + at[item.task], length[item.task]);
      out.lit(", \"name\": ");
      out.str(row.name, row.name_len);
      out.lit(", \"owner\": ");
      if (row.owner >= 0) {
        const std::string &owner = plan.owners[row.owner].full_id;
        out.str(owner.data(), owner.size());
      } else {
        out.lit("null");
      }
      out.lit(", \"status\": \"");
      out.lit(status_words[item.status]);
      out.lit("\", \"blocked\": false, \"deadline\": ");
      out.day(item.deadline);
      out.lit(", \"forecastFinish\": ");
      out.day(item.forecast);
      out.lit(", \"daysOverdue\": ");
      if (item.days_overdue >= 0) out.num(item.days_overdue);
      else out.lit("null");
      out.lit(", \"warning\": ");
      out.lit(lights[item.light]);
      out.lit(", \"source\": null}");
    }
    out.lit(items.empty() ? "]\n}\n" : "\n  ]\n}\n");
    out.flush();
    stage("write");
    stage_totals();
    // Exit without freeing the plan, as plangraph does.
    fflush(stderr);
    _exit(any_overdue ? 1 : 0);
  } catch (simdjson_error &error) {
    reject(std::string("JSON: ") + error.what());
  }
}
