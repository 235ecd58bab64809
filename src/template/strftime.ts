const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function pad(value: number, width = 2): string {
    return String(value).padStart(width, "0");
}

/**
 * Python's `datetime.strftime` for the directives chat templates use (C locale: English names).
 * A directive it does not know is kept as written, as Python's does on most platforms.
 */
export function strftime(date: Date, format: string): string {
    const dayOfYear = Math.floor((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(date.getFullYear(), 0, 1)) / 86_400_000) + 1;
    const hour12 = date.getHours() % 12 === 0 ? 12 : date.getHours() % 12;
    return format.replace(/%(-d|[aAbBdeHIjmMpSyY%])/g, (directive, code: string) => {
        switch (code) {
            case "a": return DAYS[date.getDay()]!.slice(0, 3);
            case "A": return DAYS[date.getDay()]!;
            case "b": return MONTHS[date.getMonth()]!.slice(0, 3);
            case "B": return MONTHS[date.getMonth()]!;
            case "d": return pad(date.getDate());
            case "-d": return String(date.getDate());
            case "e": return String(date.getDate()).padStart(2, " ");
            case "H": return pad(date.getHours());
            case "I": return pad(hour12);
            case "j": return pad(dayOfYear, 3);
            case "m": return pad(date.getMonth() + 1);
            case "M": return pad(date.getMinutes());
            case "p": return date.getHours() < 12 ? "AM" : "PM";
            case "S": return pad(date.getSeconds());
            case "y": return pad(date.getFullYear() % 100);
            case "Y": return String(date.getFullYear());
            case "%": return "%";
            default: return directive;
        }
    });
}
