// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// FileSource on a local host: what read() gives a row, at once and never pending. The SSH path
// (RemoteFileReader through the host's connection master, pending until read, filesRead()
// completing the rows) is tested against a real sshd in tests/remote (tst_hostssh and
// tst_iocctlremote read environment files on the host).
#include "core/hosts/filesource.h"
#include "core/hosts/host.h"
#include "core/hosts/remotefilereader.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestFileSource : public QObject
{
    Q_OBJECT

private slots:
    void readsLocalFilesAtOnce();
    void missingFileIsSaidSo();
    void readsAtMostMaxSize();

private:
    static bool write(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && file.write(data) == data.size();
    }

    Host m_host{ Host::Kind::LocalUser, {} };
};

void TestFileSource::readsLocalFilesAtOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ioc.conf"));
    QVERIFY(write(path, "IOC_PORT=4000\n"));
    FileSource files(&m_host);
    QSignalSpy read(&files, &FileSource::filesRead);
    FileContents contents = files.read(QStringLiteral("h/ioc.service"), path);
    QVERIFY(contents.ok());
    QVERIFY(!contents.pending);
    QCOMPARE(contents.data, QByteArray("IOC_PORT=4000\n"));

    // Read again each time: a changed file is seen at once.
    QVERIFY(write(path, "IOC_PORT=4001\n"));
    contents = files.read(QStringLiteral("h/ioc.service"), path);
    QCOMPARE(contents.data, QByteArray("IOC_PORT=4001\n"));
    QCOMPARE(read.size(), 0); // a local read is complete when it returns
}

void TestFileSource::missingFileIsSaidSo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing.conf"));
    FileSource files(&m_host);
    const FileContents contents = files.read(QStringLiteral("h/ioc.service"), path);
    QVERIFY(!contents.ok());
    QVERIFY(!contents.pending);
    QCOMPARE(contents.data, QByteArray());
    QVERIFY2(
            contents.error.startsWith(QStringLiteral("Cannot read ") + path + QStringLiteral(": ")),
            qPrintable(contents.error));
}

void TestFileSource::readsAtMostMaxSize()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("large"));
    QVERIFY(write(path, QByteArray(int(RemoteFileReader::maxFileSize) + 10, 'x')));
    FileSource files(&m_host);
    QCOMPARE(files.read(QStringLiteral("k"), path, 5).data, QByteArray("xxxxx"));
    // By default as much as an SSH host would read.
    QCOMPARE(files.read(QStringLiteral("k"), path).data.size(), RemoteFileReader::maxFileSize);
}

QTEST_GUILESS_MAIN(TestFileSource)
#include "tst_filesource.moc"
