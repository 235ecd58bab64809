/** `snake_case` (or `dotted.snake`) to camelCase. */
export function camelCase(name: string): string {
    return name.replace(/[._]+([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}
