using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF Core runs against one test database (matched on its data source or
/// database name), through EF Core's DiagnosticListener, which sees every app instance in the process.
/// Create it before the app: EF Core remembers for a while that nobody listened, in each (pooled) context.</summary>
public sealed class GraphQLSqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private string? _marker;
    private int _count;

    public GraphQLSqlCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    /// <summary>Counts from now on the commands of the database whose data source or name contains <paramref name="databaseMarker"/>.</summary>
    public void Watch(string databaseMarker)
    {
        Commands.Clear();
        Interlocked.Exchange(ref _count, 0);
        Volatile.Write(ref _marker, databaseMarker);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands' SQL, to show what ran when a count is off.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && Volatile.Read(ref _marker) is { } marker
            && $"{data.Command.Connection?.DataSource}|{data.Command.Connection?.Database}".Contains(marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
            Commands.Enqueue(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
