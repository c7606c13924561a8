#ifndef HANDOFF_SYSTEM_H
#define HANDOFF_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): at every instant each
/// name refers to a complete folder. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the
/// file system or kernel cannot exchange).
int handoff_exchange(const char *a, const char *b);

#endif
