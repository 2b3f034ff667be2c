// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// RemoteFileReader on a local host (the same `head` it runs through ssh for an SSH host; the
// SSH path is tested against a real sshd in tests/remote/tst_hostssh): what a read gives,
// what the cache keeps, when it reads again, and the failures a user meets.
#include "core/hosts/host.h"
#include "core/hosts/remotefilereader.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestRemoteFileReader : public QObject
{
    Q_OBJECT

private slots:
    void readsBytesAsTheyAre();
    void missingFileIsSaidSo();
    void unreadableFileGivesAnError();
    void tooLargeFileIsRefused();
    void keepsTheLastResultAndReadsAgainWhenOld();

private:
    static bool write(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && file.write(data) == data.size();
    }
    /// Requests @p path and waits for the read's fileRead(); its `changed` argument.
    static bool readOnce(RemoteFileReader &reader, const QString &path, bool *changed);

    Host m_host{ Host::Kind::LocalUser, {} };
};

bool TestRemoteFileReader::readOnce(RemoteFileReader &reader, const QString &path, bool *changed)
{
    QSignalSpy read(&reader, &RemoteFileReader::fileRead);
    reader.request(path);
    if (!reader.isReading(path) || !read.wait(10000) || read.size() != 1
        || read.first().at(0).toString() != path)
        return false;
    *changed = read.first().at(1).toBool();
    return true;
}

void TestRemoteFileReader::readsBytesAsTheyAre()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ioc env 'quoted'.conf"));
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += char(b);
    const QByteArray data = "IOC_PORT=unix:/run/x.sock\n" + all + "\nNO_NEWLINE_AT_END=1";
    QVERIFY(write(path, data));
    RemoteFileReader reader(&m_host);
    RemoteFileReader::File file;
    QVERIFY(!reader.cached(path, &file));
    bool changed = false;
    QVERIFY(readOnce(reader, path, &changed));
    QVERIFY(changed); // the first result
    QVERIFY(reader.cached(path, &file));
    QCOMPARE(file.error, QString());
    QVERIFY(!file.missing);
    QCOMPARE(file.data, data);
}

void TestRemoteFileReader::missingFileIsSaidSo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("absent.conf"));
    RemoteFileReader reader(&m_host);
    bool changed = false;
    QVERIFY(readOnce(reader, path, &changed));
    RemoteFileReader::File file;
    QVERIFY(reader.cached(path, &file));
    QVERIFY(file.missing);
    QVERIFY(file.data.isEmpty());
    QVERIFY2(file.error.contains(path) && file.error.contains(QLatin1String("No such file")),
             qPrintable(file.error));
}

void TestRemoteFileReader::unreadableFileGivesAnError()
{
    // A directory cannot be read as a file (root could read a file whatever its mode).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RemoteFileReader reader(&m_host);
    bool changed = false;
    QVERIFY(readOnce(reader, dir.path(), &changed));
    RemoteFileReader::File file;
    QVERIFY(reader.cached(dir.path(), &file));
    QVERIFY(!file.missing);
    QVERIFY(file.data.isEmpty());
    QVERIFY2(file.error.contains(QLatin1String("Is a directory")), qPrintable(file.error));
}

void TestRemoteFileReader::tooLargeFileIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString limit = dir.filePath(QStringLiteral("limit.conf"));
    const QString large = dir.filePath(QStringLiteral("large.conf"));
    QVERIFY(write(limit, QByteArray(int(RemoteFileReader::maxFileSize), 'x')));
    QVERIFY(write(large, QByteArray(int(RemoteFileReader::maxFileSize) + 1, 'x')));
    RemoteFileReader reader(&m_host);
    bool changed = false;
    QVERIFY(readOnce(reader, limit, &changed));
    QVERIFY(readOnce(reader, large, &changed));
    RemoteFileReader::File file;
    QVERIFY(reader.cached(limit, &file));
    QCOMPARE(file.data.size(), RemoteFileReader::maxFileSize);
    QVERIFY(file.error.isEmpty());
    QVERIFY(reader.cached(large, &file));
    QVERIFY(file.data.isEmpty());
    QVERIFY2(file.error.contains(QLatin1String("too large")), qPrintable(file.error));
}

void TestRemoteFileReader::keepsTheLastResultAndReadsAgainWhenOld()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("env.conf"));
    QVERIFY(write(path, "PORT=1\n"));
    RemoteFileReader reader(&m_host);
    bool changed = false;
    QVERIFY(readOnce(reader, path, &changed));

    // Young results are used as they are: no second read, even when the file changed.
    QVERIFY(write(path, "PORT=2\n"));
    reader.request(path);
    QVERIFY(!reader.isReading(path));
    RemoteFileReader::File file;
    QVERIFY(reader.cached(path, &file));
    QCOMPARE(file.data, QByteArray("PORT=1\n"));

    // Expired (a daemon reload): read again, the old result stays until the new one is in.
    reader.expireAll();
    QSignalSpy read(&reader, &RemoteFileReader::fileRead);
    reader.request(path);
    QVERIFY(reader.isReading(path));
    reader.request(path); // one read at a time
    QVERIFY(reader.cached(path, &file));
    QCOMPARE(file.data, QByteArray("PORT=1\n"));
    QVERIFY(read.wait(10000));
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.first().at(1).toBool(), true);
    QVERIFY(reader.cached(path, &file));
    QCOMPARE(file.data, QByteArray("PORT=2\n"));

    // Read again without a change: said to be unchanged.
    reader.expireAll();
    QVERIFY(readOnce(reader, path, &changed));
    QVERIFY(!changed);

    // Old by age.
    reader.setMaxAge(0);
    QVERIFY(write(path, "PORT=3\n"));
    QVERIFY(readOnce(reader, path, &changed));
    QVERIFY(changed);
    QVERIFY(reader.cached(path, &file));
    QCOMPARE(file.data, QByteArray("PORT=3\n"));
}

QTEST_GUILESS_MAIN(TestRemoteFileReader)
#include "tst_remotefilereader.moc"
