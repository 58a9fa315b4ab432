package org.probity.data;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/** Skips a leading UTF-8 byte-order mark (U+FEFF), which spreadsheet programs often write. */
final class Bom {
  private Bom() {
  }

  /** A reader of the same text without a leading byte-order mark. */
  static Reader skip(Reader in) throws IOException {
    PushbackReader pushback = new PushbackReader(in, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }
}
