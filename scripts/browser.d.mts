export declare const defaultBrowserPath: string
export declare function browserPath(): string
export declare function browserExists(): boolean
export declare const chromiumArgs: string[]
