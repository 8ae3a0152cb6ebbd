// RUN: rm -rf %t && mkdir %t
// RUN: %expect-exit 1 %rehost scan --format json -o %t/scan.json %s --
// RUN: %python -c "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); e=[f['endpoint'] for x in d['files'] for f in x['findings']]; assert any('\ufffd' in s for s in e), e" %t/scan.json
// RUN: %expect-exit 1 %rehost scan --format sarif -o %t/scan.sarif %s --
// RUN: %python -c "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))" %t/scan.sarif
// A literal whose bytes are not UTF-8 (here written with escapes; a raw
// byte in the source line goes the same way) reaches the reports as text:
// each invalid sequence becomes U+FFFD, so JSON and SARIF stay valid and an
// LLVM built with assertions does not abort.
// RUN: %python -c "import sys; open(sys.argv[2], 'wb').write(open(sys.argv[1], 'rb').read().replace(b'caf\\\\xc3(', b'caf\xc3('))" %s %t/raw.c
// RUN: %expect-exit 1 %rehost scan --format json -o %t/raw.json %t/raw.c --
// RUN: %python -c "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); t=[f['message'] for x in d['files'] for f in x['findings']]; assert any('caf\ufffd(' in s for s in t), t" %t/raw.json
// RUN: %expect-exit 1 %rehost scan --format sarif -o %t/raw.sarif %t/raw.c --
// RUN: %python -c "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))" %t/raw.sarif
// RUN: %expect-exit 1 %rehost scan --format markdown -o %t/raw.md %t/raw.c --
// RUN: %python -c "import sys; open(sys.argv[1], 'rb').read().decode('utf-8')" %t/raw.md

#include <hiredis/hiredis.h>

redisContext *escaped(void) { return redisConnect("cache\xff.internal", 6379); }
redisContext *raw(void) { return redisConnect("caf\xc3(.internal", 6379); }
