// The real .NET serializers (Mono's DataContractSerializer and Json.NET) over [DataContract]
// classes shaped as the vendors' pages describe them, driven by tests/interop over stdin/stdout.
//
// Protocol: one JSON request per line, {"type": <spec schema name>, "op": <op>, "data": <text>};
// one JSON response per line, {"ok": true, "out": <text>} or {"ok": false, "error": <text>}.
// Ops: xml2xml (DataContractSerializer reads, then writes), json2xml (Json.NET reads,
// DataContractSerializer writes), xml2json (DataContractSerializer reads, Json.NET writes);
// vendorjson2xml / vendorjson2json read JSON with Json.NET's default settings, as the vendor.
// XML is written as ASP.NET Web API's XmlMediaTypeFormatter writes it: XmlWriter.Create with
// OmitXmlDeclaration, CheckCharacters=false, UTF-8 without BOM.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace W50Common.Model.DTO
{
    [DataContract(Name = "ContactDTO")]
    public class ContactDTO
    {
        [DataMember] public string EncContactId;
        [DataMember] public int Id;
        [DataMember] public int ListId;
        [DataMember] public Dictionary<string, object> Values;
    }
}

namespace W50API.Models.DTO
{
    [DataContract(Name = "Contact")]
    public class Contact : W50Common.Model.DTO.ContactDTO
    {
        [DataMember] public List<string> ValidationWarnings;
    }

    [DataContract(Name = "ContactsList")]
    public class ContactsList
    {
        [DataMember] public int Id;
        [DataMember] public string Name;
        [DataMember] public int Count;
    }

    [DataContract(Name = "ContactSchemaFieldValue")]
    public class ContactSchemaFieldValue
    {
        [DataMember] public int Id;
        [DataMember] public string Value;
        [DataMember] public int Order;
        [DataMember] public bool InUse;
    }

    [DataContract(Name = "ContactSchemaField")]
    public class ContactSchemaField
    {
        [DataMember] public int Id;
        [DataMember] public string Name;
        [DataMember] public string DefaultValue;
        [DataMember] public string MapType;
        [DataMember] public int Position;
        [DataMember] public List<ContactSchemaFieldValue> ContactSchemaFieldValues;
    }

    [DataContract(Name = "ImportJob")]
    public class ImportJob
    {
        [DataMember] public int Id;
        [DataMember] public int ContactListId;
        [DataMember] public int InvalidEmailCount;
        [DataMember] public int InvalidSmsCount;
        [DataMember] public int ProgressPercent;
        [DataMember] public string CurrentStatus;
        [DataMember] public DateTime? StartDate;
        [DataMember] public DateTime? FinishDate;
        [DataMember] public int InsertedContacts;
        [DataMember] public int UpdatedContacts;
        [DataMember] public int DroppedContacts;
        [DataMember] public int NotUpdatedContacts;
        [DataMember] public int TotalContacts;
    }
}

namespace W50Errors
{
    // The W50 error body as the spec models it (no namespace).
    [DataContract(Name = "Error", Namespace = "")]
    public class Error
    {
        [DataMember] public string Message;
        [DataMember] public string MessageDetail;
    }
}

namespace W50API.Controllers
{
    [DataContract(Name = "ImportJobCreateRequest")]
    public class ImportJobCreateRequest
    {
        [DataMember] public List<string> FieldNames;
    }
}

namespace CheckMarket
{
    [DataContract(Name = "ImportColumnMapping", Namespace = "")]
    public class ImportColumnMapping
    {
        [DataMember] public int SourceColumnNumber;
        [DataMember] public string TargetColumnName;
    }

    [DataContract(Name = "ImportSurveyLink", Namespace = "")]
    public class ImportSurveyLink
    {
        [DataMember] public int SurveyId;
        [DataMember] public int InvitationDelayInDays;
        [DataMember] public TimeSpan? InvitationTime;
        [DataMember] public int ExpirationAfterDays;
        [DataMember] public TimeSpan? ExpirationTime;
        [DataMember] public bool ConsiderCooldownPeriod;
        [DataMember] public int SurveyCooldownAfterInvitation;
        [DataMember] public int SurveyCooldownAfterResponse;
        [DataMember] public int AccountCooldownAfterInvitation;
        [DataMember] public int AccountCooldownAfterResponse;
    }

    [DataContract(Name = "BaseImportConfig", Namespace = "", IsReference = true)]
    public class BaseImportConfig
    {
        [DataMember(EmitDefaultValue = false)] public int? ImportConfigId;
        [DataMember] public string Name;
        [DataMember] public int ContactGroupId;
        [DataMember] public int ContactListId;
        [DataMember] public ImportSurveyLink SurveySettings;
        [DataMember] public List<ImportColumnMapping> ColumnMappings;
        [DataMember] public bool EmailMustBeUniqueWithinAccount;
        [DataMember] public bool EmailMustBeUniqueWithinGroup;
        [DataMember] public bool EmailMustBeUniqueWithinFile;
        [DataMember] public bool EmailIsRequired;
        [DataMember] public string DateFormat;
        [DataMember] public int FirstRow;
        [DataMember] public string FieldDelimiter;
        [DataMember] public string RowDelimiter;
        [DataMember] public bool SendNotificationMail;
        [DataMember] public bool IsReusable;
        [DataMember] public string DefaultLanguageCode;
        [DataMember] public int UpdateTypeId;
    }

    [DataContract(Name = "ImportContact", Namespace = "")]
    public class ImportContact
    {
        [DataMember] public string FirstName;
        [DataMember] public string LastName;
        [DataMember] public string Email;
        [DataMember] public string LangCode;
        [DataMember] public string CountryCode;
        [DataMember] public string StateCode;
        [DataMember] public string Phone;
        [DataMember] public string DateOfBirth;
        [DataMember] public Dictionary<string, object> CustomFields;
    }

    [DataContract(Name = "BulkImportResult", Namespace = "")]
    public class BulkImportResult
    {
        [DataMember] public int QueueItemId;
    }

    [DataContract(Name = "ImportResultRow", Namespace = "")]
    public class ImportResultRow
    {
        [DataMember] public string ResultCode;
        [DataMember] public int ContactCount;
    }

    [DataContract(Name = "ImportContactsTaskResult", Namespace = "")]
    public class ImportContactsTaskResult
    {
        [DataMember] public List<ImportResultRow> ImportResult;
    }

    [DataContract(Name = "QueueItemOfImportContactsTaskResult", Namespace = "")]
    public class ImportQueueItem
    {
        [DataMember] public int QueueItemId;
        [DataMember] public int StatusId;
        [DataMember(EmitDefaultValue = false)] public ImportContactsTaskResult Result;
    }

    [DataContract(Name = "ActionResult", Namespace = "")]
    public class ActionResult
    {
        [DataMember] public string FailureMessage;
        [DataMember] public bool Succeeded;
    }

    [DataContract(Name = "CreateImportConfigResult", Namespace = "")]
    public class CreateImportConfigResult : ActionResult
    {
        [DataMember] public int ImportConfigId;
    }

    [DataContract(Name = "MetaData", Namespace = "")]
    public class MetaData
    {
        [DataMember(EmitDefaultValue = false)] public int? Status;
        [DataMember(EmitDefaultValue = false)] public int? TotalRowCount;
        [DataMember(EmitDefaultValue = false)] public int? Limit;
        [DataMember(EmitDefaultValue = false)] public int? Offset;
        [DataMember(EmitDefaultValue = false)] public int? TotalPageCount;
        [DataMember(EmitDefaultValue = false)] public int? StartRec;
        [DataMember(EmitDefaultValue = false)] public int? StopRec;
        [DataMember(EmitDefaultValue = false)] public DateTime? Timestamp;
        [DataMember(EmitDefaultValue = false)] public bool? IsFiltered;
    }

    [DataContract(Name = "HateoasLink", Namespace = "")]
    public class HateoasLink
    {
        [DataMember(EmitDefaultValue = false)] public string Href;
        [DataMember(EmitDefaultValue = false)] public string Title;
        [DataMember(EmitDefaultValue = false)] public string Method;
    }

    [DataContract(Name = "Hateoas", Namespace = "")]
    public class Hateoas
    {
        [DataMember(EmitDefaultValue = false)] public HateoasLink Self;
        [DataMember(EmitDefaultValue = false)] public HateoasLink Create;
        [DataMember(EmitDefaultValue = false)] public HateoasLink Update;
        [DataMember(EmitDefaultValue = false)] public HateoasLink Delete;
        [DataMember(EmitDefaultValue = false)] public HateoasLink Next;
        [DataMember(EmitDefaultValue = false)] public HateoasLink Previous;
        [DataMember(EmitDefaultValue = false)] public HateoasLink Help;
        [DataMember(EmitDefaultValue = false)] public HateoasLink Progress;
        [DataMember(EmitDefaultValue = false)] public HateoasLink AlternateLink;
        [DataMember(EmitDefaultValue = false)] public HateoasLink ListLink;
        [DataMember(EmitDefaultValue = false)] public List<HateoasLink> Other;
    }

    [DataContract(Name = "Payload", Namespace = "", IsReference = true)]
    public class Payload<T>
    {
        [DataMember(EmitDefaultValue = false)] public T Data;
        [DataMember(EmitDefaultValue = false)] public Hateoas Links;
        [DataMember(EmitDefaultValue = false)] public MetaData Meta;
    }
}

public static class Interop
{
    static readonly Dictionary<string, Type> Types = new Dictionary<string, Type>
    {
        { "ImportJob", typeof(W50API.Models.DTO.ImportJob) },
        { "ImportJobCreateRequest", typeof(W50API.Controllers.ImportJobCreateRequest) },
        { "Contact", typeof(W50API.Models.DTO.Contact) },
        { "ArrayOfContact", typeof(List<W50API.Models.DTO.Contact>) },
        { "ImportConfig", typeof(CheckMarket.BaseImportConfig) },
        { "CreateImportConfigPayload", typeof(CheckMarket.Payload<CheckMarket.CreateImportConfigResult>) },
        { "ContactsList", typeof(W50API.Models.DTO.ContactsList) },
        { "ArrayOfContactsList", typeof(List<W50API.Models.DTO.ContactsList>) },
        { "ContactSchemaField", typeof(W50API.Models.DTO.ContactSchemaField) },
        { "ArrayOfContactSchemaField", typeof(List<W50API.Models.DTO.ContactSchemaField>) },
        { "Error", typeof(W50Errors.Error) },
        { "ImportContactList", typeof(List<CheckMarket.ImportContact>) },
        { "ImportConfigPayload", typeof(CheckMarket.Payload<CheckMarket.BaseImportConfig>) },
        { "ImportConfigListPayload", typeof(CheckMarket.Payload<List<CheckMarket.BaseImportConfig>>) },
        { "ImportConfigActionPayload", typeof(CheckMarket.Payload<CheckMarket.ActionResult>) },
        { "BulkImportPayload", typeof(CheckMarket.Payload<CheckMarket.BulkImportResult>) },
        { "ImportResultPayload", typeof(CheckMarket.Payload<CheckMarket.ImportQueueItem>) },
        // The string form of an error's Data (its object form is `object` with a known type in
        // the vendor's code, which the spec does not model: see the interop tests).
        { "ErrorPayload", typeof(CheckMarket.Payload<string>) },
    };

    static readonly JsonSerializerSettings JsonSettings = new JsonSerializerSettings
    {
        // Strings stay strings inside Dictionary<string, object> (default: ISO dates become
        // DateTime); typed DateTime members still parse.
        DateParseHandling = DateParseHandling.None,
    };

    static string WriteXml(Type type, object value)
    {
        var stream = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            CloseOutput = false,
            CheckCharacters = false,
            Encoding = new UTF8Encoding(false),
        };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new DataContractSerializer(type).WriteObject(writer, value);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static object ReadXml(Type type, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        using (var reader = XmlDictionaryReader.CreateTextReader(bytes, XmlDictionaryReaderQuotas.Max))
        {
            return new DataContractSerializer(type).ReadObject(reader);
        }
    }

    static string Handle(string line)
    {
        var request = JObject.Parse(line);
        var type = Types[(string)request["type"]];
        var op = (string)request["op"];
        var data = (string)request["data"];
        switch (op)
        {
            case "xml2xml":
                return WriteXml(type, ReadXml(type, data));
            case "json2xml":
                return WriteXml(type, JsonConvert.DeserializeObject(data, type, JsonSettings));
            case "xml2json":
                return JsonConvert.SerializeObject(ReadXml(type, data), JsonSettings);
            // As the vendor reads JSON: Json.NET's default settings (ISO dates in an `object`
            // become DateTime), then DataContractSerializer or Json.NET writes the answer.
            case "vendorjson2xml":
                return WriteXml(type, JsonConvert.DeserializeObject(data, type));
            case "vendorjson2json":
                return JsonConvert.SerializeObject(JsonConvert.DeserializeObject(data, type));
            default:
                throw new ArgumentException("unknown op " + op);
        }
    }

    public static int Main()
    {
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        string line;
        while ((line = input.ReadLine()) != null)
        {
            JObject response;
            try
            {
                response = new JObject(new JProperty("ok", true), new JProperty("out", Handle(line)));
            }
            catch (Exception error)
            {
                var message = error.GetType().Name + ": " + error.Message;
                if (error.InnerException != null)
                    message += " <- " + error.InnerException.Message;
                response = new JObject(new JProperty("ok", false), new JProperty("error", message));
            }
            output.WriteLine(response.ToString(Newtonsoft.Json.Formatting.None));
            output.Flush();
        }
        return 0;
    }
}
