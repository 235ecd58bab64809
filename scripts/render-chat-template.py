"""Reference renderer of Hugging Face chat templates, set up as transformers' apply_chat_template
sets up Jinja (sandboxed environment, trim_blocks, lstrip_blocks, loopcontrols, its tojson,
raise_exception and strftime_now). Reads JSON {"template": str, "contexts": [obj]} on stdin and
writes JSON [{"text": str} | {"error": str}] (one per context) on stdout. A context may hold
"now" (ISO date) to fix strftime_now. Used by the test suite to check toolace-r's renderer."""
import json
import sys
from datetime import datetime

import jinja2
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment


class Generation(Extension):
    """transformers' `{% generation %}` block (it marks assistant tokens); renders its body."""
    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(("name:endgeneration",), drop_needle=True)
        return jinja2.nodes.Scope(body, lineno=lineno)


def main():
    request = json.load(sys.stdin)
    now = [datetime.now()]

    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def strftime_now(fmt):
        return now[0].strftime(fmt)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[Generation, loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    results = []
    try:
        template = env.from_string(request["template"])
    except Exception as error:  # a template that does not compile fails every context
        print(json.dumps([{"error": f"{type(error).__name__}: {error}"}] * len(request["contexts"])))
        return
    for context in request["contexts"]:
        context = dict(context)
        if "now" in context:
            now[0] = datetime.fromisoformat(context.pop("now"))
        try:
            results.append({"text": template.render(**context)})
        except Exception as error:
            results.append({"error": f"{type(error).__name__}: {error}"})
    print(json.dumps(results, ensure_ascii=False))


main()
