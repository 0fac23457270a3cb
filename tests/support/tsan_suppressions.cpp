// SPDX-License-Identifier: Apache-2.0
// Linked into every test. Only in ThreadSanitizer builds (-DKUBECANVAS_TSAN=ON): Qt itself is
// not instrumented, so TSan cannot see the synchronisation inside QtTest's watchdog thread and
// reports its QWaitCondition teardown at exit. Suppress exactly that; our code uses no Qt
// threading, so these patterns cannot hide a race of ours.

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define KUBECANVAS_TSAN_ACTIVE 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define KUBECANVAS_TSAN_ACTIVE 1
#endif

#ifdef KUBECANVAS_TSAN_ACTIVE
extern "C" const char *__tsan_default_suppressions();

extern "C" const char *__tsan_default_suppressions()
{
    return "race:QWaitCondition\n"
           "race:libQt6Test.so\n";
}
#endif
