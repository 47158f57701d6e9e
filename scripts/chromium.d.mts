// Types of scripts/chromium.mjs, so TypeScript code (the benchmarks) shares its launch settings.
export declare const CHROME_PATH: string;
export declare const PLAYWRIGHT_DISABLED_FEATURES: string[];
export declare const DANGOL_DISABLED_FEATURES: string[];
export declare const CHROME_ARGS: string[];
export declare function chromiumAvailable(): boolean;
export declare function launchOptions<T extends object>(extra?: T): T & { executablePath: string; args: string[] };
