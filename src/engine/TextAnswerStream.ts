/**
 * Follows a turn's text as it is generated, for a text answer: hands out the answer in pieces
 * (`onText`) and finds the first stop sequence. Held back until decided: anything while the text
 * may still open a call, a template's text-turn opening (`textOpen`), trailing whitespace (a
 * finished answer's is trimmed), an incomplete UTF-8 character, and the last characters that could
 * begin a stop sequence. Everything handed out is a prefix of the final answer (`finish`).
 */
export class TextAnswerStream {
    private emitted = "";
    private readonly longestStop: number;

    public constructor(private readonly options: {
        stop: readonly string[],
        textOpen: string,
        opensCall: (text: string) => boolean,
        onText?: ((delta: string) => void) | undefined
    }) {
        this.longestStop = Math.max(0, ...options.stop.map((stop) => stop.length));
    }

    /** Takes the turn's whole text so far; `true` once it holds a stop sequence (the turn should end there). */
    public push(written: string): boolean {
        const body = this.body(written);
        if (body === undefined) return false;
        const stopAt = firstStop(body, this.options.stop);
        let end = stopAt ?? body.length - Math.max(0, this.longestStop - 1);
        end = Math.min(end, body.trimEnd().length);
        const broken = body.indexOf("\uFFFD", this.emitted.length);
        if (broken >= 0) end = Math.min(end, broken);
        this.emit(body, end);
        return stopAt !== undefined;
    }

    /** The final answer from the parsed text answer (cut before its first stop sequence); hands out what was held back. */
    public finish(answer: string): string {
        const stopAt = firstStop(answer, this.options.stop);
        const final = stopAt === undefined ? answer : answer.slice(0, stopAt);
        this.emit(final, final.length);
        return final;
    }

    /** The answer's text so far, or undefined while it may still be a call or a text turn's opening. */
    private body(written: string): string | undefined {
        if (this.options.opensCall(written)) return undefined;
        const {textOpen} = this.options;
        if (textOpen !== "" && textOpen.startsWith(written)) return undefined;
        return written.startsWith(textOpen) ? written.slice(textOpen.length) : written;
    }

    private emit(text: string, end: number): void {
        if (end <= this.emitted.length || !text.startsWith(this.emitted)) return;
        const delta = text.slice(this.emitted.length, end);
        this.emitted = text.slice(0, end);
        this.options.onText?.(delta);
    }
}

function firstStop(text: string, stops: readonly string[]): number | undefined {
    let first: number | undefined;
    for (const stop of stops) {
        const at = text.indexOf(stop);
        if (at >= 0 && (first === undefined || at < first)) first = at;
    }
    return first;
}
