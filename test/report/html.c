// RUN: %expect-exit 1 %rehost scan --format html %s -- | FileCheck %s --implicit-check-not='<script' --implicit-check-not='src=' --implicit-check-not='href='
// The same content as the Markdown report, as one self-contained page:
// inline CSS, nothing loaded, every piece of source escaped.

#include <hiredis/hiredis.h>

redisContext *cache(void) {
  return redisConnect("10.0.0.12", 6380); /* <script>alert(1)</script> & */
}
redisContext *fallback(int argc, char **argv) {
  return redisConnect(argc > 1 ? argv[1] : "localhost", 6379);
}

// CHECK:      <!DOCTYPE html>
// CHECK:      <title>rehost scan report</title>
// CHECK-NEXT: <style>
// CHECK:      </style>
// CHECK-NEXT: </head>
// CHECK-NEXT: <body>
// CHECK-NEXT: <h1>rehost scan report</h1>
// CHECK-NEXT: <h2>Summary</h2>
// CHECK:      <tr><th scope="row">Files scanned</th><td>1</td></tr>
// CHECK:      <tr><th scope="row">Files clean</th><td>0</td></tr>
// CHECK:      <tr><th scope="row">Findings manual</th><td>1</td></tr>
// CHECK:      <p class="share">2 findings, 1 fixable</p>
// CHECK-NEXT: <h2>Profiles</h2>
// CHECK:      <tr><td><code>default</code></td><td><code>redis://10.0.0.12:6380</code></td><td>1</td><td><code>REDIS_URL</code>, <code>REDIS_HOST</code>, <code>REDIS_PORT</code>, <code>REDIS_SOCKET</code>, <code>REDIS_PASSWORD</code></td><td>—</td></tr>
// CHECK:      <h2>Files</h2>
// CHECK-NEXT: <section>
// CHECK-NEXT: <h3>{{.*}}html.c</h3>
// CHECK-NEXT: <table>
// CHECK-NEXT: <thead><tr><th>Line</th><th>API</th><th>Rule</th><th>Before</th><th>After</th><th>Action</th><th>Reason</th></tr></thead>
// CHECK-NEXT: <tbody>
// CHECK-NEXT: <tr><td>8</td><td><code>redisConnect</code></td><td>hardcoded-endpoint</td><td><code>return redisConnect(&quot;10.0.0.12&quot;, 6380); /* &lt;script&gt;alert(1)&lt;/script&gt; &amp; */</code></td><td><code>{{.*}}rehost_redisConnect({{.*}}&lt;script&gt;alert(1)&lt;/script&gt; &amp; */</code></td><td>fixable</td><td>—</td></tr>
// CHECK-NEXT: <tr><td>11</td><td><code>redisConnect</code></td><td>partially-hardcoded</td><td><code>return redisConnect(argc &gt; 1 ? argv[1] : &quot;localhost&quot;, 6379);</code></td><td>—</td><td>manual</td><td>a constant fallback is mixed with values computed at run time; move the fallback into configuration by hand</td></tr>
// CHECK-NEXT: </tbody>
// CHECK-NEXT: </table>
// CHECK-NEXT: </section>
// CHECK-NEXT: <h2>Linking the runtime</h2>
// CHECK-NEXT: <p>Rewritten code calls the runtime library <code>rehost-runtime</code>. Link it with pkg-config:</p>
// CHECK-NEXT: <pre><code>cc app.c $(pkg-config --cflags --libs rehost-runtime)
// CHECK-NEXT: </code></pre>
// CHECK-NEXT: <p>or with CMake:</p>
// CHECK-NEXT: <pre><code>find_package(RehostRuntime REQUIRED)
// CHECK-NEXT: target_link_libraries(app PRIVATE rehost::runtime)
// CHECK-NEXT: </code></pre>
// CHECK-NEXT: <p><code>rehost-doctor PROFILE</code> shows what a profile resolves to
// CHECK-NEXT: <p><code>rehost env</code> writes the variables the deployment must now set for each profile of the runtime&#39;s <code>rehost.toml</code>: a dotenv file, {{.*}} (<code>--format dotenv</code>, <code>k8s</code> or <code>compose</code>). It never writes a password.</p>
// CHECK-NEXT: </body>
// CHECK-NEXT: </html>
