// Vite builds the UI into ui/dist, which the Tauri shell embeds; vitest shares this config.
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs keep the bundle loadable from Tauri's custom protocol.
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
    // Icons stay separate files rather than data: URLs, so the CSP can allow images from 'self'
    // only.
    assetsInlineLimit: 0,
    // ELK (loaded on demand for auto-layout) is one large compiled module by nature.
    chunkSizeWarningLimit: 1600,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // The ELK layout tests take a second or two each on an idle machine, and ten times that on a
    // loaded CI runner; the default of five seconds made them fail there for no fault of theirs.
    testTimeout: 30_000,
  },
});
