#ifndef PLANGRAPH_CGRAPHVIZ_SHIM_H
#define PLANGRAPH_CGRAPHVIZ_SHIM_H
// Graphviz's cgraph and gvc libraries, seen by Swift through this module only.
//
// cgraph declares `char *` parameters it never writes; these wrappers take `const char *` so that
// Swift strings pass straight through. Nothing here keeps state.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// A graph's memory, handed out in rising addresses: cgraph orders subgraphs by the address of their
// name, and dot lays clusters out in that order, so with malloc's addresses the same graph could be
// drawn differently from one render to the next. One large reservation of address space (the system
// commits only the pages used) is filled front to back and given back whole by agclose; if it cannot
// be had or runs out, memory comes from calloc (a list freed at close) and only the order is lost.
typedef struct pg_block {
  struct pg_block *next;
} pg_block;

typedef struct {
  char *base;
  size_t used;
  size_t capacity;
  pg_block *blocks;
} pg_arena;

static inline void *pg_arena_open(Agdisc_t *discipline) {
  (void)discipline;
  pg_arena *arena = calloc(1, sizeof *arena);
  if (arena == NULL) return NULL;
  size_t capacity = (size_t)1 << 33;
  void *base = mmap(NULL, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base != MAP_FAILED) {
    arena->base = base;
    arena->capacity = capacity;
  }
  return arena;
}

static inline void *pg_arena_alloc(void *state, size_t request) {
  pg_arena *arena = state;
  size_t size = (request + 15) & ~(size_t)15;
  if (arena->base != NULL && size <= arena->capacity - arena->used) {
    void *memory = arena->base + arena->used;  // never used before, so still zero
    arena->used += size;
    return memory;
  }
  // A list header of 16 bytes keeps the block's 16-byte alignment.
  pg_block *block = calloc(1, 16 + size);
  if (block == NULL) return NULL;
  block->next = arena->blocks;
  arena->blocks = block;
  return (char *)block + 16;
}

static inline void *pg_arena_resize(void *state, void *memory, size_t old, size_t request) {
  void *moved = pg_arena_alloc(state, request);
  if (moved != NULL && memory != NULL) memcpy(moved, memory, old < request ? old : request);
  return moved;
}

static inline void pg_arena_free(void *state, void *memory) {
  (void)state;
  (void)memory;  // all of it goes at close
}

static inline void pg_arena_close(void *state) {
  pg_arena *arena = state;
  if (arena == NULL) return;
  while (arena->blocks != NULL) {
    pg_block *next = arena->blocks->next;
    free(arena->blocks);
    arena->blocks = next;
  }
  if (arena->base != NULL) munmap(arena->base, arena->capacity);
  free(arena);
}

static Agmemdisc_t pg_arena_memory = {pg_arena_open, pg_arena_alloc, pg_arena_resize, pg_arena_free,
                                      pg_arena_close};
// Makes every graph cgraph opens with the default discipline use the arena: ours, and those dot builds
// during layout (newrank's rank constraints, a subgraph per cluster), which it iterates in address
// order as well. Called once, under the lock, with the context.
static inline void pg_use_arena_everywhere(void) { AgMemDisc = pg_arena_memory; }

// A new directed, non-strict root graph. `Agdirected` is a mutable C global, which Swift 6 refuses
// to read as not concurrency-safe; reading it here keeps it out of Swift.
static inline Agraph_t *pg_open_directed(const char *name) {
  return agopen((char *)name, Agdirected, NULL);
}

// The subgraph `name` of `graph`, created when missing.
static inline Agraph_t *pg_subgraph(Agraph_t *graph, const char *name) {
  return agsubg(graph, (char *)name, 1);
}

// The node `name`, created in `graph` (and so in its root) when missing.
static inline Agnode_t *pg_node(Agraph_t *graph, const char *name) {
  return agnode(graph, (char *)name, 1);
}

// A new edge without a name: any name, even "", would merge parallel edges into one.
static inline Agedge_t *pg_edge(Agraph_t *graph, Agnode_t *tail, Agnode_t *head) {
  return agedge(graph, tail, head, NULL, 1);
}

// Sets a text attribute of a graph, subgraph, node or edge, declaring it with default "" when new.
static inline int pg_set(void *object, const char *name, const char *value) {
  return agsafeset(object, (char *)name, (char *)value, "");
}

// Sets an HTML-like attribute (a label written `<...>` in DOT). Holding the HTML copy while it is
// set makes cgraph's string pool hand the attribute that same, HTML-marked string. The pool keys
// strings by their text alone: an HTML value with the very text of a plain value already in the graph
// loses its mark (as it does when Graphviz reads DOT); chart labels always carry markup.
static inline int pg_set_html(void *object, const char *name, const char *value) {
  Agraph_t *root = agroot(object);
  char *html = agstrdup_html(root, (char *)value);
  int result = agsafeset(object, (char *)name, html, "");
  agstrfree(root, html);
  return result;
}

// Declares a default for every node (kind AGNODE) or edge (AGEDGE) of `graph` made after it.
static inline void pg_default(Agraph_t *graph, int kind, const char *name, const char *value) {
  agattr(graph, kind, (char *)name, (char *)value);
}

// Declares an HTML-like default for every node or edge of `graph`, the same way as `pg_set_html`.
static inline void pg_default_html(Agraph_t *graph, int kind, const char *name, const char *value) {
  char *html = agstrdup_html(graph, (char *)value);
  agattr(graph, kind, (char *)name, html);
  agstrfree(graph, html);
}

// The drawing's size in points after layout (0 before): `GD_bb` is a macro Swift cannot call.
static inline double pg_layout_width(Agraph_t *graph) { return GD_bb(graph).UR.x - GD_bb(graph).LL.x; }
static inline double pg_layout_height(Agraph_t *graph) { return GD_bb(graph).UR.y - GD_bb(graph).LL.y; }

// The resolution bitmaps are drawn at. Read when drawing, not when laying out, so it can be chosen
// from the size of the finished layout.
static inline void pg_set_bitmap_dpi(Agraph_t *graph, double dpi) {
  if (GD_drawing(graph) != NULL) GD_drawing(graph)->dpi = dpi;
}

// An edge's head: cgraph has it only as a macro, which Swift cannot call.
static inline Agnode_t *pg_head(Agedge_t *edge) { return aghead(edge); }

#endif
