"""Trains Montage's beat network (src/analysis/beat-net.ts runs it) on features from dump-features.ts.

A temporal convolutional network after Böck, Krebs & Widmer 2016 / MatthewDavies & Böck 2019:
a 3-frame input convolution, dilated 5-tap convolutions (dilation 1, 2, 4 … 256; receptive field
≈ 24 s) each with ELU, dropout and a 1×1 mix, added to its input; two sigmoid outputs, beat and
downbeat, per frame. Trained only on the tune split (a tenth of it kept for validation);
the held-out split and the shared corpus are never seen here. Crops are time-stretched by
0.8–1.25× (features interpolated, labels moved) so that tempo is not learnt from the corpus's mix.

  /usr/bin/python3 scripts/beatnet/train.py [--epochs N] [--channels C] [--out src/analysis/beat-net-weights.json]
"""
import argparse, json, math, os, random, sys, time, zlib
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
FEAT = os.path.join(ROOT, '.corpus', 'features')
DILATIONS = [1, 2, 4, 8, 16, 32, 64, 128, 256]


def load(corpus):
    index = json.load(open(os.path.join(FEAT, corpus, 'index.json')))
    clips = []
    for name, m in index.items():
        x = np.fromfile(os.path.join(FEAT, corpus, name + '.f32'), dtype=np.float32).reshape(m['frames'], m['width'])
        clips.append((name, x, m))
    return clips


def targets(m, frames, stretch=1.0):
    """Beat and downbeat targets: 1 at the nearest frame, 0.5 either side (madmom's widening)."""
    y = np.zeros((2, frames), dtype=np.float32)
    for row, key in ((0, 'beats'), (1, 'downbeats')):
        for b in m[key]:
            t = (b - m['offsetSec']) * m['fps'] * stretch
            i = int(round(t))
            for j, v in ((i - 1, 0.5), (i + 1, 0.5), (i, 1.0)):
                if 0 <= j < frames:
                    y[row, j] = max(y[row, j], v)
    return y


class BeatNet(nn.Module):
    def __init__(self, width, channels, dilations=DILATIONS):
        super().__init__()
        self.inp = nn.Conv1d(width, channels, 3, padding=1)
        self.dil = nn.ModuleList([nn.Conv1d(channels, channels, 5, dilation=d, padding=2 * d) for d in dilations])
        self.mix = nn.ModuleList([nn.Conv1d(channels, channels, 1) for _ in dilations])
        self.out = nn.Conv1d(channels, 2, 1)
        self.drop = nn.Dropout(0.1)

    def forward(self, x):  # x: batch × width × frames
        h = F.elu(self.inp(x))
        for dil, mix in zip(self.dil, self.mix):
            h = h + mix(self.drop(F.elu(dil(h))))
        return self.out(h)  # logits


def crop(clip, length, rng, eq=0.0, bands=0, std=None):
    name, x, m = clip
    stretch = math.exp(rng.uniform(math.log(0.8), math.log(1.25)))
    src_len = int(length / stretch) + 2
    frames = x.shape[0]
    start = rng.randrange(0, max(1, frames - src_len))
    seg = torch.from_numpy(x[start:start + src_len].T.copy())  # width × n
    y_all = targets(m, int(frames * stretch) + 2, stretch)
    dst_start = int(round(start * stretch))
    seg = F.interpolate(seg[None], size=max(2, int(seg.shape[1] * stretch)), mode='linear', align_corners=False)[0]
    n = min(length, seg.shape[1], y_all.shape[1] - dst_start)
    xs = torch.zeros(seg.shape[0], length)
    ys = torch.zeros(2, length)
    mask = torch.zeros(length)
    xs[:, :n] = seg[:, :n]
    ys[:, :n] = torch.from_numpy(y_all[:, dst_start:dst_start + n])
    mask[:n] = 1
    if eq > 0:  # an equaliser: every band's log level moved by its own offset (the rises are unchanged)
        offsets = torch.tensor([rng.uniform(-eq, eq) for _ in range(bands)]) / torch.from_numpy(std[:bands])
        xs[:bands, :n] += offsets[:, None]
    return xs, ys, mask


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--epochs', type=int, default=40)
    ap.add_argument('--channels', type=int, default=20)
    ap.add_argument('--crop', type=int, default=1024)
    ap.add_argument('--batch', type=int, default=16)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--fold', type=int, default=0, help='the tenth of tune kept for validation (CRC-32 of the name mod 10)')
    ap.add_argument('--layers', type=int, default=len(DILATIONS), help='dilated blocks: dilations 1, 2, 4 … 2^(layers-1)')
    ap.add_argument('--eq', type=float, default=0.0, help='per-band level offsets of up to ± this (log units) per crop')
    ap.add_argument('--out', default=os.path.join(ROOT, 'src', 'analysis', 'beat-net-weights.json'))
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)
    tune = load('tune')
    # A tenth of the clips (by name, all their variants with them) is kept out for validation.
    is_val = lambda name: zlib.crc32(name.split('#')[0].encode()) % 10 == a.fold
    val = [c for c in tune if is_val(c[0]) and '#' not in c[0]]
    train = [c for c in tune if not is_val(c[0])]
    allx = np.concatenate([c[1] for c in train])
    mean, std = allx.mean(0), allx.std(0) + 1e-3
    norm = lambda x: (x - mean) / std
    train = [(n, norm(x).astype(np.float32), m) for n, x, m in train]
    val = [(n, norm(x).astype(np.float32), m) for n, x, m in val]
    width = allx.shape[1]
    dilations = [2 ** i for i in range(a.layers)]
    net = BeatNet(width, a.channels, dilations)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, a.epochs)
    steps = max(1, sum(c[1].shape[0] for c in train) // (a.crop * a.batch))
    print(f'train {len(train)} clips, val {len(val)}, width {width}, channels {a.channels}, params {sum(p.numel() for p in net.parameters())}, {steps} steps/epoch', flush=True)
    best = (1e9, None)
    for epoch in range(a.epochs):
        net.train()
        t0, total = time.time(), 0.0
        for _ in range(steps):
            xs, ys, ms = zip(*(crop(rng.choice(train), a.crop, rng, a.eq, width // 2, std) for _ in range(a.batch)))
            xs, ys, ms = torch.stack(xs), torch.stack(ys), torch.stack(ms)
            logits = net(xs)
            w = ms[:, None, :] * (1 + 4 * ys)  # beats are 1 frame in ~40: weight them up
            loss = (F.binary_cross_entropy_with_logits(logits, ys, reduction='none') * w).sum() / w.sum()
            opt.zero_grad(); loss.backward(); opt.step()
            total += loss.item()
        sched.step()
        net.eval()
        with torch.no_grad():
            vl, vw = 0.0, 0.0
            for n, x, m in val:
                y = torch.from_numpy(targets(m, x.shape[0]))
                lg = net(torch.from_numpy(x.T.copy())[None])[0]
                w = 1 + 4 * y
                vl += (F.binary_cross_entropy_with_logits(lg, y, reduction='none') * w).sum().item(); vw += w.sum().item()
        vloss = vl / vw
        if vloss < best[0]:
            best = (vloss, {k: v.clone() for k, v in net.state_dict().items()})
        print(f'epoch {epoch + 1}: train {total / steps:.4f} val {vloss:.4f} ({time.time() - t0:.0f} s)', flush=True)
    net.load_state_dict(best[1])
    sd = net.state_dict()
    r = lambda t: [round(float(v), 5) for v in t.flatten().tolist()]
    out = {
        'about': 'Montage beat network (scripts/beatnet/train.py); trained on the tune split of scripts/corpus only',
        'width': width, 'channels': a.channels, 'dilations': dilations, 'valLoss': round(best[0], 5), 'seed': a.seed, 'epochs': a.epochs, 'fold': a.fold,
        'mean': r(torch.from_numpy(mean)), 'std': r(torch.from_numpy(std)),
        'inW': r(sd['inp.weight']), 'inB': r(sd['inp.bias']),
        'dilW': [r(sd[f'dil.{i}.weight']) for i in range(len(dilations))], 'dilB': [r(sd[f'dil.{i}.bias']) for i in range(len(dilations))],
        'mixW': [r(sd[f'mix.{i}.weight']) for i in range(len(dilations))], 'mixB': [r(sd[f'mix.{i}.bias']) for i in range(len(dilations))],
        'outW': r(sd['out.weight']), 'outB': r(sd['out.bias']),
    }
    json.dump(out, open(a.out, 'w'), separators=(',', ':'))
    print(f'wrote {a.out} (val loss {best[0]:.4f})')


if __name__ == '__main__':
    main()
