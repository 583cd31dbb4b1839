/* FNV-1a with a final avalanche: fast, and good enough for hashed features. */
#include "util/hash.h"
#include <string.h>

uint64_t vg_hash_bytes(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint64_t vg_hash_block(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t lane[4] = { 0x9e3779b97f4a7c15ULL ^ seed, 0xc2b2ae3d27d4eb4fULL ^ seed, 0x165667b19e3779f9ULL ^ seed,
                         0xd6e8feb86659fd93ULL ^ seed };
    size_t i = 0;
    for (; i + 32 <= len; i += 32)
        for (int k = 0; k < 4; k++) {
            uint64_t w;
            memcpy(&w, p + i + 8 * k, sizeof w);
            lane[k] = (lane[k] ^ w) * 0xff51afd7ed558ccdULL;
            lane[k] ^= lane[k] >> 29;
        }
    uint64_t h = vg_hash_bytes(p + i, len - i, (uint64_t)len);
    for (int k = 0; k < 4; k++)
        h = vg_hash_mix(h, lane[k]);
    return h;
}
