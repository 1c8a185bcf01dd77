"use client";

import { useState, type KeyboardEvent, type MouseEvent } from "react";

const STEP = 0.05;
const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 100) / 100));

/**
 * Click the part of the photo that must stay in every crop (a face, the
 * subject). Arrow keys move the point too. The choice goes with the form in
 * the hidden focalX/focalY fields; the crops below preview it.
 */
export function FocalPointPicker({
  src,
  alt,
  width,
  height,
  initial,
}: {
  src: string;
  alt: string;
  width: number;
  height: number;
  initial: { x: number; y: number };
}) {
  const [point, setPoint] = useState(initial);
  const position = `${point.x * 100}% ${point.y * 100}%`;

  const onClick = (e: MouseEvent<HTMLButtonElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setPoint({ x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) });
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const move: Record<string, [number, number]> = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };
    const delta = move[e.key];
    if (!delta) return;
    e.preventDefault();
    setPoint((p) => ({ x: clamp(p.x + delta[0]), y: clamp(p.y + delta[1]) }));
  };

  return (
    <div>
      <input type="hidden" name="focalX" value={point.x} />
      <input type="hidden" name="focalY" value={point.y} />
      <button
        type="button"
        onClick={onClick}
        onKeyDown={onKey}
        aria-label={`Focal point: ${Math.round(point.x * 100)}% from the left, ${Math.round(point.y * 100)}% from the top. Click the photo or use the arrow keys to move it.`}
        className="relative block w-full cursor-crosshair"
      >
        <img src={src} alt={alt} width={width} height={height} className="h-auto w-full" />
        <span
          aria-hidden
          className="pointer-events-none absolute size-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-accent/60 shadow"
          style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }}
        />
      </button>
      <p className="mt-1 text-xs text-ink/70">Crops keep the marked point in frame:</p>
      <div aria-hidden className="mt-1 flex gap-2">
        {[
          ["16:9", "aspect-video w-32"],
          ["1:1", "aspect-square w-20"],
          ["4:3", "aspect-[4/3] w-24"],
        ].map(([label, size]) => (
          <figure key={label} className="text-center text-xs text-ink/60">
            <img src={src} alt="" className={`${size} object-cover`} style={{ objectPosition: position }} />
            <figcaption>{label}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
