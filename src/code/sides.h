/* Which side an actor is on, read from its code and the role classes of
 * data/events/wordclasses.txt: two countries are two sides; within one country the state and
 * its bodies (GOV, MIL, SPY, ...) are one side, its opposition, rebels and gangs others. The
 * coder asks this to pair coordinated actors, to tell an allegation from a side's own report,
 * and to pick CAMEO's finer codes. */
#ifndef VIGIL_CODE_SIDES_H
#define VIGIL_CODE_SIDES_H
#include <stddef.h>
#include "code/event.h"
#include "code/wordclass.h"

/* Whether the role block of actor code c (the three letters after the country: "GOV" of
 * "ISRGOV") is in class k; 0 for a code without one. */
int vg_sides_role_in(const vg_wordclasses *words, vg_wordclass k, const char *c);
/* Whether a and b (both coded) are on different sides. */
int vg_sides_other(const vg_wordclasses *words, const vg_actor *a, const vg_actor *b);
/* Whether some actor of a[0..n) is on another side than a[0]. */
int vg_sides_distinct(const vg_wordclasses *words, const vg_actor *a, size_t n);
/* Whether some actor of a and some actor of b are on one side. */
int vg_sides_same(const vg_wordclasses *words, const vg_actor *a, size_t na, const vg_actor *b, size_t nb);
/* Whether some actor of a and some actor of b have the same country (first code block). */
int vg_sides_same_country(const vg_actor *a, size_t na, const vg_actor *b, size_t nb);
/* Whether every speaker is the press (a MED code) of a source's own country: reporting what
 * one's country did ("the Karesh News Agency reported Karesh expelled ...") is no allegation. */
int vg_sides_own_press(const vg_actor *speakers, size_t ns, const vg_actor *src, size_t n);

/* Whether every coded actor of a is unidentified ("gunmen"): a report of their acts accuses no side. */
int vg_sides_unidentified(const vg_wordclasses *words, const vg_actor *a, size_t n);
/* Whether some actor is a prominent figure (an official, politician, judge, agent or elite, or
 * a named military or armed-group figure): killing one is an assassination. */
int vg_sides_prominent(const vg_wordclasses *words, const vg_actor *a, size_t n);
/* Whether some actor is an intelligence service: its help is shared intelligence. */
int vg_sides_spy(const vg_actor *a, size_t n);
/* Whether one of a[0..n-1] is armed (an [armed-role] role: MIL, REB, UAF, INS), by its code
 * or, with no code, its bare role ("gunmen"); *military says whether it is an army (MIL). */
int vg_sides_armed(const vg_wordclasses *words, const vg_actor *a, size_t n, int *military);

#endif
