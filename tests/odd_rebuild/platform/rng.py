"""Philox4x32-10 counter-based RNG as described in ODD §9 (reimplementation from the text)."""
import math
M0 = 0xD2511F53; M1 = 0xCD9E8D57; W0 = 0x9E3779B9; W1 = 0xBB67AE85; MASK = 0xFFFFFFFF

def philox(ctr, key):
    c0, c1, c2, c3 = ctr; k0, k1 = key
    for _ in range(10):
        p0 = M0 * c0; p1 = M1 * c2
        hi0, lo0 = p0 >> 32, p0 & MASK
        hi1, lo1 = p1 >> 32, p1 & MASK
        c0, c1, c2, c3 = (hi1 ^ c1 ^ k0) & MASK, lo1, (hi0 ^ c3 ^ k1) & MASK, lo0
        k0 = (k0 + W0) & MASK; k1 = (k1 + W1) & MASK
    return (c0, c1, c2, c3)

# stream numbers: GUESS G1 (order of the §9 table, from 1)
STREAMS = ["Population", "InitialTies", "Demand", "Search", "TieDecay", "Innovation", "Imitation", "Entry",
           "EntryLocation", "Capacity", "Rewire", "Collaboration", "Adoption", "PlatformJoin", "Forecast",
           "PlatformStrategy", "Interconnection", "AdoptionThreshold", "NetworkSample", "Delivery",
           "Reliability", "Founding"]
STREAM_NO = {s: i + 1 for i, s in enumerate(STREAMS)}

class Rng:
    def __init__(self, seed, stream, agent, tick, stream_no=None):
        sn = STREAM_NO[stream] if stream_no is None else stream_no
        self.key = (seed & MASK, (seed >> 32) & MASK)
        self.ctr = [tick & MASK, agent & MASK, ((agent >> 32) & MASK) ^ ((sn << 16) & MASK), 0]
        self.buf = []
    def next_u64(self):
        if not self.buf:
            o = philox(tuple(self.ctr), self.key)
            self.ctr[3] = (self.ctr[3] + 1) & MASK
            self.buf = [(o[0] << 32) | o[1], (o[2] << 32) | o[3]]
        return self.buf.pop(0)
    def uniform(self):
        return (self.next_u64() >> 11) * 2.0 ** -53
    def uniform_open0(self):
        return 1.0 - self.uniform()
    def normal(self, m=0.0, s=1.0):
        u1 = self.uniform_open0(); u2 = self.uniform()
        return m + s * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
    def lognormal(self, m, s):
        return math.exp(self.normal(m, s))
    def gumbel(self):
        return -math.log(-math.log(self.uniform_open0()))
    def bernoulli(self, p):
        if p <= 0: return False
        if p >= 1: return True
        return self.uniform() < p
    def below(self, n):
        x = self.next_u64(); m = x * n; l = m & ((1 << 64) - 1)
        if l < n:
            t = ((1 << 64) - n) % n
            while l < t:
                x = self.next_u64(); m = x * n; l = m & ((1 << 64) - 1)
        return m >> 64
    def bounded_pareto(self, a, L, H):
        u = self.uniform()
        x = -(u * H ** a - u * L ** a - H ** a) / (H ** a * L ** a)
        return x ** (-1.0 / a)
    def poisson(self, lam):
        if lam <= 0: return 0
        if lam > 60: return max(0, round(self.normal(lam, math.sqrt(lam))))
        u = self.uniform(); k = 0; p = math.exp(-lam); c = p
        while u > c and k < 1000:
            k += 1; p *= lam / k; c += p
        return k

if __name__ == "__main__":
    # Random123 known-answer test: philox4x32_10, ctr=0,key=0 -> 6627e8d5 e169c58d bc57ac4c 9b00dbd8
    print([hex(v) for v in philox((0, 0, 0, 0), (0, 0))])
    print([hex(v) for v in philox((MASK,)*4, (MASK, MASK))])  # expect 408f276d 41c83b0e a20bc7c6 6d5451fd
