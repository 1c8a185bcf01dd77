import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type TFakeMode = "ok" | "down" | "slow";

/**
 * A local stand-in for Open-Meteo's forecast API, for tests: the same URL and
 * JSON shape, deterministic numbers (the maximum temperature is `base`), and a
 * mode to play a provider that is down (503) or hangs. `POST /__fake/mode`
 * with "ok" | "down" | "slow" | "base=N" switches it from another process.
 */
export async function startFakeWeather(port = 0) {
  let mode: TFakeMode = "ok";
  let base = 21;
  let calls = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method === "POST" && url.pathname === "/__fake/mode") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (body.startsWith("base=")) base = Number(body.slice(5));
        else mode = body as TFakeMode;
        res.end("ok");
      });
      return;
    }
    if (url.pathname !== "/v1/forecast") {
      res.statusCode = 404;
      return res.end();
    }
    calls++;
    if (mode === "down") {
      res.statusCode = 503;
      return res.end("Service Unavailable");
    }
    if (mode === "slow") return; // never answers: the client must give up
    const start = new Date();
    const days = Array.from({ length: 4 }, (_, i) => new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10));
    res.setHeader("Content-Type", "application/json");
    res.end(
      JSON.stringify({
        latitude: Number(url.searchParams.get("latitude")),
        longitude: Number(url.searchParams.get("longitude")),
        daily: {
          time: days,
          weather_code: [0, 3, 61, 71],
          temperature_2m_max: days.map((_, i) => base - i),
          temperature_2m_min: days.map((_, i) => base - 10 - i),
          precipitation_probability_max: [0, 20, 80, 60],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    setMode: (next: TFakeMode) => (mode = next),
    setBase: (next: number) => (base = next),
    calls: () => calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
