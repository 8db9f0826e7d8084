"""A real SMTP server for the tests (aiosmtpd): every accepted message is written to DIR as
one .eml file, whole, as it arrived. Two test domains answer as real servers do when
things go wrong: `@refused.invalid` recipients get 550 (permanent), `@busy.invalid` 451
(try later).

    python3 .ci/smtp_sink.py DIR PORT
"""

import itertools
import os
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = itertools.count()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refused.invalid"):
            return "550 5.1.1 No such mailbox here"
        if address.endswith("@busy.invalid"):
            return "451 4.3.2 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{next(self.count)}.eml"
        partial = os.path.join(self.folder, "." + name)
        with open(partial, "wb") as out:
            out.write(envelope.original_content or envelope.content)
        # Readers see whole files only.
        os.rename(partial, os.path.join(self.folder, name))
        return "250 OK: queued as " + name


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"SMTP sink on 127.0.0.1:{port}, writing to {folder}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
