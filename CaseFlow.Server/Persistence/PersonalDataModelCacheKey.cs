using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// One model per data key: the encrypted columns' converters hold the key (<see cref="PersonalDataColumns"/>), and EF
/// Core would otherwise build the model once per context type and give every later context, in this process, the first
/// context's key (several servers with their own keys run in one test process; the rotation command holds two).
/// </summary>
internal sealed class PersonalDataModelCacheKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is CaseFlowDbContext caseFlow
            ? (context.GetType(), caseFlow.DataKeyId, designTime)
            : (object)(context.GetType(), designTime);
}
