// Vite builds the UI into ui/dist, which tauri.conf.json serves through the app's own protocol.
import { defineConfig } from "vite";

export default defineConfig({
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15", // WebKitGTK on Linux: keep output within what WebKit runs.
    sourcemap: false,
    chunkSizeWarningLimit: 1024, // one local bundle, loaded from disk: size is not a network cost here
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
} as Parameters<typeof defineConfig>[0]);
