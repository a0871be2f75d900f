package org.roomctl.sim.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The few C library calls a pseudo-terminal needs (Linux, glibc). Errors surface as {@link LastErrorException}. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int O_RDWR = 0x0002;
    int O_NOCTTY = 0x0100;
    int O_NONBLOCK = 0x0800;
    int TCSANOW = 0;
    short POLLIN = 0x0001;
    short POLLHUP = 0x0010;
    short POLLNVAL = 0x0020;
    int EIO = 5;
    int EINTR = 4;
    int EAGAIN = 11;
    /** {@code sizeof(struct termios)} is 60 on Linux; the calls only need enough room. */
    int TERMIOS_SIZE = 256;

    int posix_openpt(int flags) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int grantpt(int fd) throws LastErrorException;

    int unlockpt(int fd) throws LastErrorException;

    int ptsname_r(int fd, byte[] buf, long buflen);

    int tcgetattr(int fd, Pointer termios) throws LastErrorException;

    int tcsetattr(int fd, int optionalActions, Pointer termios) throws LastErrorException;

    void cfmakeraw(Pointer termios);

    int poll(Pointer fds, long nfds, int timeoutMillis) throws LastErrorException;

    long read(int fd, byte[] buf, long count) throws LastErrorException;

    long write(int fd, byte[] buf, long count) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
